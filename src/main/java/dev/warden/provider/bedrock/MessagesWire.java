package dev.warden.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Canonical messages → Converse {@code messages} and {@code system}. Pure.
 *
 * <ul>
 *   <li>System and developer messages are lifted into the top-level {@code system} list, wherever they sit:
 *       Converse has no system role inside {@code messages}.</li>
 *   <li>Tool results (from {@code tool} messages or Anthropic-style user turns) become {@code toolResult} blocks
 *       of a user turn; consecutive turns of one role are merged, because Converse requires alternation.</li>
 *   <li>{@code status} is sent only as {@code "error"}: the docs say only Claude models take the field, and
 *       success is what its absence means.</li>
 *   <li>Signed reasoning is replayed as {@code reasoningContent} (Claude requires it back with tool use);
 *       unsigned reasoning is output-only and not sent.</li>
 *   <li>Images must be inline (base64 or a {@code data:} URL): Converse takes bytes only, so an http(s) image URL
 *       is a 400 naming the field.</li>
 *   <li>Converse has no participant {@code name} and no image {@code detail}. Neither changes what is asked, so,
 *       like Ollama's, they are dropped and reported in the call notes, always (they used to vanish without a
 *       word).</li>
 * </ul>
 */
final class MessagesWire {
    private MessagesWire() {}

    /** Converse's two lists, filled in order. */
    record Wire(ArrayNode system, ArrayNode messages) {}

    static Wire toWire(List<Message> messages, CallNotes notes) {
        var system = ProviderJson.NODES.arrayNode();
        var turns = ProviderJson.NODES.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var param = "messages[" + i + "]";
            if (message.name() != null) {
                notes.droppedParam("name");
            }
            switch (message.role()) {
                case SYSTEM, DEVELOPER -> systemText(system, message, param);
                case USER, TOOL -> append(turns, "user", userBlocks(message, param, notes));
                case ASSISTANT -> append(turns, "assistant", assistantBlocks(message, param));
            }
        }
        return new Wire(system, turns);
    }

    /** Adds the blocks to the last turn when it has the same role, else as a new turn; empty turns vanish. */
    private static void append(ArrayNode turns, String role, ArrayNode blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        var last = turns.isEmpty() ? null : (ObjectNode) turns.get(turns.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        var turn = turns.addObject();
        turn.put("role", role);
        turn.set("content", blocks);
    }

    private static void systemText(ArrayNode system, Message message, String param) {
        for (var part : message.parts()) {
            if (!(part instanceof ContentPart.Text(var text, var _))) {
                throw invalid("System messages may only contain text for this upstream.", param);
            }
            if (!text.isEmpty()) {
                system.addObject().put("text", text);
            }
        }
    }

    private static ArrayNode userBlocks(Message message, String param, CallNotes notes) {
        var blocks = ProviderJson.NODES.arrayNode();
        for (var part : message.parts()) {
            switch (part) {
                case ContentPart.Text(var text, var _) -> text(blocks, text);
                case ContentPart.Image image -> blocks.add(image(image, param + ".content", notes));
                case ContentPart.ToolResult result -> blocks.add(toolResult(result, param, notes));
                case ContentPart.ToolCall call ->
                        throw invalid("Only assistant messages may contain tool calls.", param);
                case ContentPart.Thinking thinking ->
                        throw invalid("Only assistant messages may contain reasoning.", param);
            }
        }
        if (message.role() == Role.TOOL && blocks.isEmpty()) {
            throw invalid("A tool message must carry a tool result.", param);
        }
        return blocks;
    }

    private static ArrayNode assistantBlocks(Message message, String param) {
        var blocks = ProviderJson.NODES.arrayNode();
        for (var part : message.parts()) {
            switch (part) {
                case ContentPart.Text(var text, var _) -> text(blocks, text);
                case ContentPart.ToolCall call -> {
                    var use = blocks.addObject().putObject("toolUse");
                    use.put("toolUseId", call.id());
                    use.put("name", call.name());
                    use.set("input", arguments(call, param));
                }
                case ContentPart.Thinking thinking -> {
                    if (thinking.signature() != null) {
                        var reasoning = blocks.addObject().putObject("reasoningContent").putObject("reasoningText");
                        reasoning.put("text", thinking.text());
                        reasoning.put("signature", thinking.signature());
                    }
                }
                case ContentPart.Image image ->
                        throw invalid("Images are only accepted in user messages by this upstream.", param);
                case ContentPart.ToolResult result ->
                        throw invalid("Tool results belong in user or tool messages.", param);
            }
        }
        return blocks;
    }

    /** Converse rejects blank text blocks, so empty text (a client's "content": "") is left out. */
    private static void text(ArrayNode blocks, String text) {
        if (!text.isEmpty()) {
            blocks.addObject().put("text", text);
        }
    }

    /** Converse wants the arguments as a JSON object, not text; "" (a call without arguments) is {}. */
    private static JsonNode arguments(ContentPart.ToolCall call, String param) {
        if (call.arguments().isBlank()) {
            return ProviderJson.NODES.objectNode();
        }
        try {
            var node = ProviderJson.read(call.arguments());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw invalid("The arguments of tool call '" + call.id() + "' must be a JSON object for this upstream.",
                param + ".tool_calls");
    }

    private static ObjectNode toolResult(ContentPart.ToolResult result, String param, CallNotes notes) {
        var block = ProviderJson.NODES.objectNode();
        var wire = block.putObject("toolResult");
        wire.put("toolUseId", result.toolCallId());
        var content = wire.putArray("content");
        for (var part : result.content()) {
            switch (part) {
                case ContentPart.Text(var text, var _) -> text(content, text);
                case ContentPart.Image image -> content.add(image(image, param + ".content", notes));
                default -> throw invalid("Tool results may only contain text and images for this upstream.",
                        param + ".content");
            }
        }
        if (result.isError()) {
            wire.put("status", "error");
        }
        return block;
    }

    private static ObjectNode image(ContentPart.Image image, String param, CallNotes notes) {
        if (image.detail() != null && !image.detail().equals("auto")) {
            notes.droppedParam("detail");
        }
        String mediaType;
        String data;
        switch (image.source()) {
            case ImageSource.Base64(var type, var bytes) -> {
                mediaType = type;
                data = bytes;
            }
            case ImageSource.Url(var url) -> {
                if (!url.regionMatches(true, 0, "data:", 0, 5) || !url.contains(";base64,")) {
                    throw invalid("This upstream (AWS Bedrock) does not fetch image URLs; send the image inline "
                            + "as base64 (a data: URL).", param);
                }
                mediaType = url.substring(5, url.indexOf(";base64,"));
                data = url.substring(url.indexOf(";base64,") + 8);
            }
        }
        var block = ProviderJson.NODES.objectNode();
        var wire = block.putObject("image");
        wire.put("format", format(mediaType, param));
        wire.putObject("source").put("bytes", data);
        return block;
    }

    private static String format(String mediaType, String param) {
        return switch (mediaType.strip().toLowerCase(Locale.ROOT)) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpeg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> throw invalid("Image type '" + mediaType + "' is not supported by this upstream; use png, "
                    + "jpeg, gif or webp.", param);
        };
    }

    static ApiException invalid(String message, String param) {
        return new ApiException(ApiError.InvalidRequest.of(message, param));
    }
}

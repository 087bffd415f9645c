package dev.warden.provider.anthropic;

import dev.warden.provider.UnsupportedParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.CacheHint;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Canonical messages → Anthropic's top-level {@code system} and alternating {@code messages}. Pure.
 *
 * <ul>
 *   <li>System and developer messages, wherever they sit, become {@code system}: Anthropic has no system role in
 *       {@code messages}. One becomes a string, several an array of text blocks, in order.</li>
 *   <li>Consecutive turns of the same role are merged, since Anthropic requires alternation. Tool messages become
 *       {@code tool_result} blocks of a user turn, so a run of tool results is one user message.</li>
 *   <li>Within a user turn, {@code tool_result} blocks are written before other blocks: Anthropic rejects a user
 *       message whose tool results do not come first.</li>
 *   <li>Empty text is not sent (Anthropic rejects empty text blocks).</li>
 *   <li>A part's {@link CacheHint} is written back verbatim as the block's {@code cache_control}; a hinted system
 *       text makes {@code system} an array of blocks. The limit of four breakpoints is Anthropic's to enforce.</li>
 * </ul>
 */
final class MessagesWire {
    /**
     * A redacted thinking block travels through the canonical model as a {@link ContentPart.Thinking} with empty
     * text and this prefix before its opaque {@code data} in the signature, so that it round-trips to Anthropic.
     */
    static final String REDACTED_PREFIX = ContentPart.Thinking.REDACTED_PREFIX;

    private MessagesWire() {}

    /** The translated conversation: {@code system} is null when the request had no system or developer text. */
    record Translated(@Nullable JsonNode system, ArrayNode messages) {}

    /** One turn under construction; tool results are kept apart so they can be written first. */
    private record Turn(String role, List<JsonNode> results, List<JsonNode> blocks) {}

    /** @throws ApiException 400 naming {@code messages[i]} for content Anthropic cannot take */
    static Translated toWire(List<Message> messages, UnsupportedParams unsupported) {
        var system = new ArrayList<ContentPart.Text>();
        var turns = new ArrayList<Turn>();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            if (message.name() != null) {
                int index = i;
                unsupported.param("name",
                        () -> invalid("Anthropic has no participant names; 'name' is not supported.", index, ".name"));
            }
            switch (message.role()) {
                case SYSTEM, DEVELOPER -> {
                    for (var part : message.parts()) {
                        if (!(part instanceof ContentPart.Text text)) {
                            throw invalid("System and developer messages may only contain text.", i, "");
                        }
                        if (!text.text().isEmpty()) {
                            system.add(text);
                        }
                    }
                }
                case USER, TOOL -> append(turns, "user", userBlocks(message, i, unsupported));
                case ASSISTANT -> append(turns, "assistant", assistantBlocks(message, i));
            }
        }
        var out = ProviderJson.NODES.arrayNode();
        for (var turn : turns) {
            if (turn.results().isEmpty() && turn.blocks().isEmpty()) {
                continue; // a turn of only empty text: Anthropic rejects empty content, and it said nothing
            }
            var node = out.addObject();
            node.put("role", turn.role());
            var content = node.putArray("content");
            content.addAll(turn.results());
            content.addAll(turn.blocks());
        }
        return new Translated(systemNode(system), out);
    }

    private static @Nullable JsonNode systemNode(List<ContentPart.Text> system) {
        if (system.isEmpty()) {
            return null;
        }
        if (system.size() == 1 && system.getFirst().cache() == null) {
            return ProviderJson.NODES.textNode(system.getFirst().text());
        }
        var blocks = ProviderJson.NODES.arrayNode();
        for (var text : system) {
            blocks.add(cacheControl(ProviderJson.NODES.objectNode().put("type", "text").put("text", text.text()),
                    text.cache()));
        }
        return blocks;
    }

    /** Writes a client's cache breakpoint back as Anthropic's {@code cache_control}, verbatim; returns the block. */
    static ObjectNode cacheControl(ObjectNode block, @Nullable CacheHint hint) {
        if (hint == null) {
            return block;
        }
        try {
            var node = ProviderJson.read(hint.json().json());
            if (node == null || !node.isObject()) {
                throw new ApiException(ApiError.InvalidRequest.of("'cache_control' must be an object.", "cache_control"));
            }
            block.set("cache_control", node);
        } catch (IOException e) {
            throw new ApiException(ApiError.InvalidRequest.of("'cache_control' is not valid JSON.", "cache_control"));
        }
        return block;
    }

    private static void append(List<Turn> turns, String role, Turn next) {
        if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
            turns.getLast().results().addAll(next.results());
            turns.getLast().blocks().addAll(next.blocks());
        } else {
            turns.add(new Turn(role, new ArrayList<>(next.results()), new ArrayList<>(next.blocks())));
        }
    }

    private static Turn userBlocks(Message message, int i, UnsupportedParams unsupported) {
        var turn = new Turn("user", new ArrayList<>(), new ArrayList<>());
        for (var part : message.parts()) {
            switch (part) {
                case ContentPart.Text text -> {
                    if (message.role() == Role.TOOL) {
                        throw invalid("A tool message must carry tool results.", i, "");
                    }
                    text(turn.blocks(), text);
                }
                case ContentPart.Image image -> turn.blocks().add(image(image, i, unsupported));
                case ContentPart.ToolResult result -> turn.results().add(toolResult(result, i, unsupported));
                case ContentPart.ToolCall call -> throw invalid("Only assistant messages may contain tool calls.",
                        i, "");
                case ContentPart.Thinking thinking -> throw invalid(
                        "Only assistant messages may contain thinking.", i, "");
            }
        }
        return turn;
    }

    private static Turn assistantBlocks(Message message, int i) {
        var turn = new Turn("assistant", new ArrayList<>(), new ArrayList<>());
        for (var part : message.parts()) {
            switch (part) {
                case ContentPart.Text text -> text(turn.blocks(), text);
                case ContentPart.ToolCall call -> turn.blocks().add(toolUse(call, i));
                case ContentPart.Thinking thinking -> {
                    var block = thinking(thinking);
                    if (block != null) {
                        turn.blocks().add(block);
                    }
                }
                case ContentPart.Image image -> throw invalid("Images are only accepted in user messages.", i, "");
                case ContentPart.ToolResult result -> throw invalid(
                        "Tool results belong in user or tool messages.", i, "");
            }
        }
        return turn;
    }

    private static void text(List<JsonNode> blocks, ContentPart.Text text) {
        if (!text.text().isEmpty()) {
            blocks.add(cacheControl(ProviderJson.NODES.objectNode().put("type", "text").put("text", text.text()),
                    text.cache()));
        }
    }

    /**
     * Anthropic's images have no detail level: "auto" (what it means anyway) is accepted, a real choice is refused
     * (or dropped and reported under {@code drop_unsupported_params}). A data: URL is sent as a base64 source,
     * because Anthropic's URL source only fetches http(s).
     */
    private static JsonNode image(ContentPart.Image image, int i, UnsupportedParams unsupported) {
        if (image.detail() != null && !image.detail().equals("auto")) {
            unsupported.param("detail",
                    () -> invalid("Anthropic does not support image detail '" + image.detail() + "'.", i, ""));
        }
        var block = ProviderJson.NODES.objectNode().put("type", "image");
        var source = block.putObject("source");
        switch (image.source()) {
            case ImageSource.Base64(var mediaType, var data) ->
                    source.put("type", "base64").put("media_type", mediaType).put("data", data);
            case ImageSource.Url(var url) -> {
                if (url.regionMatches(true, 0, "data:", 0, 5)) {
                    int comma = url.indexOf(',');
                    int marker = url.indexOf(";base64");
                    if (comma < 0 || marker < 0 || marker > comma) {
                        throw invalid("Only base64 data: URLs are accepted for images.", i, "");
                    }
                    source.put("type", "base64").put("media_type", url.substring(5, marker))
                            .put("data", url.substring(comma + 1));
                } else {
                    source.put("type", "url").put("url", url);
                }
            }
        }
        return cacheControl(block, image.cache());
    }

    private static JsonNode toolUse(ContentPart.ToolCall call, int i) {
        JsonNode input;
        var arguments = call.arguments().strip();
        try {
            // Some clients send "" for a call without arguments; Anthropic needs an object.
            input = arguments.isEmpty() ? ProviderJson.NODES.objectNode() : ProviderJson.read(arguments);
        } catch (IOException e) {
            throw invalid("The arguments of tool call '" + call.id() + "' are not valid JSON.", i, "");
        }
        if (input == null || !input.isObject()) {
            throw invalid("The arguments of tool call '" + call.id() + "' must be a JSON object.", i, "");
        }
        var block = ProviderJson.NODES.objectNode().put("type", "tool_use").put("id", call.id())
                .put("name", call.name());
        block.set("input", input);
        return cacheControl(block, call.cache());
    }

    private static JsonNode toolResult(ContentPart.ToolResult result, int i, UnsupportedParams unsupported) {
        var block = ProviderJson.NODES.objectNode().put("type", "tool_result").put("tool_use_id", result.toolCallId());
        var content = ProviderJson.NODES.arrayNode();
        for (var part : result.content()) {
            switch (part) {
                case ContentPart.Text text -> {
                    if (!text.text().isEmpty()) {
                        content.add(cacheControl(
                                ProviderJson.NODES.objectNode().put("type", "text").put("text", text.text()),
                                text.cache()));
                    }
                }
                case ContentPart.Image image -> content.add(image(image, i, unsupported));
                default -> throw invalid("Tool results may only contain text and images.", i, "");
            }
        }
        if (!content.isEmpty()) {
            block.set("content", content);
        }
        if (result.isError()) {
            block.put("is_error", true);
        }
        return cacheControl(block, result.cache());
    }

    /**
     * Thinking is replayed with its signature, which Anthropic verifies. Reasoning without a signature came from
     * another provider (or was never signed) and cannot be verified, so it is not sent: Anthropic would reject the
     * whole request, and it ignores thinking from earlier turns in any case.
     */
    private static @Nullable JsonNode thinking(ContentPart.Thinking thinking) {
        var signature = thinking.signature();
        if (signature == null || signature.isEmpty()) {
            return null;
        }
        if (signature.startsWith(REDACTED_PREFIX)) {
            return ProviderJson.NODES.objectNode().put("type", "redacted_thinking")
                    .put("data", signature.substring(REDACTED_PREFIX.length()));
        }
        return ProviderJson.NODES.objectNode().put("type", "thinking").put("thinking", thinking.text())
                .put("signature", signature);
    }

    static ApiException invalid(String message, int index, String suffix) {
        var param = "messages[" + index + "]" + suffix;
        return new ApiException(ApiError.InvalidRequest.of(message + " (" + param + ")", param));
    }
}

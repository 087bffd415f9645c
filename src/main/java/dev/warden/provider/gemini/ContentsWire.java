package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Canonical messages → Gemini {@code contents} and {@code systemInstruction}. Pure.
 *
 * <ul>
 *   <li>System and developer messages, wherever they sit, become the parts of {@code systemInstruction} in order
 *       (Gemini has no system role inside {@code contents}).</li>
 *   <li>User turns and tool messages are role {@code user}; assistant turns are role {@code model}; consecutive
 *       contents of the same role are merged, as Gemini expects strictly alternating turns.</li>
 *   <li>A tool result becomes a {@code functionResponse}, which needs the function's name: it is recovered from the
 *       earlier assistant tool call with the same id (400 if there is none). Result text that is a JSON object is
 *       sent as the response object; other text is wrapped as {@code {"result": text}}, or
 *       {@code {"error": text}} for a result marked as an error.</li>
 *   <li>Reasoning: a thinking part goes back as a {@code thought} part; a thinking part with no text only carries
 *       a thought signature and is attached to the part that follows it, which is how
 *       {@link ChatResponseWire} reported it.</li>
 * </ul>
 */
final class ContentsWire {
    private ContentsWire() {}

    record Contents(ArrayNode contents, @Nullable ObjectNode systemInstruction) {}

    static Contents toWire(List<Message> messages, GeminiSettings.Flavor flavor, Unsupported unsupported) {
        var names = new HashMap<String, String>();
        var system = ProviderJson.NODES.arrayNode();
        var contents = ProviderJson.NODES.arrayNode();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var param = "messages[" + i + "]";
            if (message.name() != null) {
                unsupported.param("name", "Gemini has no participant names");
            }
            switch (message.role()) {
                case SYSTEM, DEVELOPER -> systemParts(message, system, param);
                case USER, TOOL -> append(contents, "user", userParts(message, names, flavor, unsupported, param));
                case ASSISTANT -> append(contents, "model", modelParts(message, names, param));
            }
        }
        ObjectNode instruction = null;
        if (!system.isEmpty()) {
            instruction = ProviderJson.NODES.objectNode();
            instruction.set("parts", system);
        }
        return new Contents(contents, instruction);
    }

    private static void systemParts(Message message, ArrayNode system, String param) {
        for (var part : message.parts()) {
            if (!(part instanceof ContentPart.Text(var text, var _))) {
                throw Unsupported.invalid("System and developer messages may only contain text for Gemini.",
                        param);
            }
            system.addObject().put("text", text);
        }
    }

    private static List<ObjectNode> userParts(Message message, Map<String, String> names,
            GeminiSettings.Flavor flavor, Unsupported unsupported, String param) {
        var parts = new ArrayList<ObjectNode>(message.parts().size());
        for (var part : message.parts()) {
            switch (part) {
                case ContentPart.Text(var text, var _) -> {
                    if (message.role() == Role.TOOL) {
                        throw Unsupported.invalid("A tool message must carry a tool result.", param);
                    }
                    parts.add(ProviderJson.NODES.objectNode().put("text", text));
                }
                case ContentPart.Image image -> {
                    if (message.role() == Role.TOOL) {
                        throw Unsupported.invalid("Tool results may only contain text for Gemini.", param);
                    }
                    parts.add(ImageWire.part(image, flavor, unsupported, param));
                }
                case ContentPart.ToolResult result -> parts.add(functionResponse(result, names, param));
                case ContentPart.ToolCall call ->
                        throw Unsupported.invalid("Only assistant messages may contain tool calls.", param);
                case ContentPart.Thinking thinking ->
                        throw Unsupported.invalid("Only assistant messages may contain reasoning.", param);
            }
        }
        return parts;
    }

    private static List<ObjectNode> modelParts(Message message, Map<String, String> names, String param) {
        var parts = new ArrayList<ObjectNode>(message.parts().size());
        String signature = null;
        for (var part : message.parts()) {
            ObjectNode wire;
            switch (part) {
                case ContentPart.Text(var text, var _) -> wire = ProviderJson.NODES.objectNode().put("text", text);
                case ContentPart.ToolCall call -> {
                    names.put(call.id(), call.name());
                    wire = ProviderJson.NODES.objectNode();
                    var function = wire.putObject("functionCall");
                    function.put("name", call.name());
                    function.set("args", arguments(call, param));
                }
                case ContentPart.Thinking(var text, var sig) -> {
                    if (text.isEmpty()) {
                        signature = sig; // a bare signature belongs to the next part
                        continue;
                    }
                    wire = ProviderJson.NODES.objectNode().put("text", text).put("thought", true);
                    if (sig != null) {
                        wire.put("thoughtSignature", sig);
                    }
                }
                case ContentPart.Image image ->
                        throw Unsupported.invalid("Images are only accepted in user messages.", param);
                case ContentPart.ToolResult result ->
                        throw Unsupported.invalid("Tool results are only accepted in user or tool messages.", param);
            }
            if (signature != null && !wire.has("thoughtSignature")) {
                wire.put("thoughtSignature", signature);
            }
            signature = null;
            parts.add(wire);
        }
        return parts;
    }

    /** Gemini takes arguments as an object, not as JSON text; empty text means no arguments. */
    private static JsonNode arguments(ContentPart.ToolCall call, String param) {
        if (call.arguments().isBlank()) {
            return ProviderJson.NODES.objectNode();
        }
        try {
            var args = ProviderJson.read(call.arguments());
            if (args.isObject()) {
                return args;
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw Unsupported.invalid("The arguments of tool call '" + call.id() + "' are not a JSON object.", param);
    }

    private static ObjectNode functionResponse(ContentPart.ToolResult result, Map<String, String> names,
            String param) {
        var name = names.get(result.toolCallId());
        if (name == null) {
            throw Unsupported.invalid("The tool result for '" + result.toolCallId() + "' answers no earlier tool call "
                    + "in the conversation; Gemini needs the called function's name.", param);
        }
        var text = new StringBuilder();
        for (var part : result.content()) {
            if (part instanceof ContentPart.Text(var t, var _)) {
                text.append(t);
            } else {
                throw Unsupported.invalid("Tool results may only contain text for Gemini.", param);
            }
        }
        var wire = ProviderJson.NODES.objectNode();
        var function = wire.putObject("functionResponse");
        function.put("name", name);
        function.set("response", responseObject(text.toString(), result.isError()));
        return wire;
    }

    static ObjectNode responseObject(String text, boolean isError) {
        if (!isError) {
            try {
                var parsed = ProviderJson.read(text);
                if (parsed != null && parsed.isObject()) {
                    return (ObjectNode) parsed;
                }
            } catch (IOException notJson) {
                // wrapped below
            }
        }
        return ProviderJson.NODES.objectNode().put(isError ? "error" : "result", text);
    }

    private static void append(ArrayNode contents, String role, List<ObjectNode> parts) {
        if (parts.isEmpty()) {
            return;
        }
        var last = contents.isEmpty() ? null : (ObjectNode) contents.get(contents.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        var content = contents.addObject();
        content.put("role", role);
        content.putArray("parts").addAll(parts);
    }
}

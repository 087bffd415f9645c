package dev.warden.provider.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical messages → Ollama's {@code messages}: {@code content} is always one string, images are bare base64 in
 * {@code images}, tool-call arguments are JSON objects (not strings, as in OpenAI's wire), and a tool result is its
 * own {@code tool} message that names the tool in {@code tool_name}, because Ollama correlates results by name: it
 * has no call ids. Pure.
 *
 * <p>What Ollama has no field for and that does not change the request's meaning (a participant {@code name}, an
 * image {@code detail} hint, a tool result's {@code is_error} flag, whose text already says what went wrong) is dropped
 * and reported through {@link CallNotes}. An image by URL is refused: Ollama fetches nothing.
 */
final class MessagesWire {
    private static final String DATA_PREFIX = "data:";
    private static final String BASE64_MARKER = ";base64,";

    private MessagesWire() {}

    static void write(JsonGenerator gen, List<Message> messages, CallNotes notes) throws IOException {
        var toolNames = new HashMap<String, String>();
        gen.writeStartArray();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            for (var call : message.toolCalls()) {
                toolNames.put(call.id(), call.name());
            }
            writeMessage(gen, message, i, toolNames, notes);
        }
        gen.writeEndArray();
    }

    private static void writeMessage(JsonGenerator gen, Message message, int index, Map<String, String> toolNames,
            CallNotes notes) throws IOException {
        if (message.name() != null) {
            notes.droppedParam("name");
        }
        // Tool results become their own "tool" messages wherever they sit (Anthropic-style clients put them in a
        // user turn); what remains of the turn follows them.
        var rest = new ArrayList<ContentPart>(message.parts().size());
        for (var part : message.parts()) {
            if (part instanceof ContentPart.ToolResult result) {
                writeToolResult(gen, result, index, toolNames, notes);
            } else {
                rest.add(part);
            }
        }
        if (rest.isEmpty() && !message.parts().isEmpty()) {
            return;
        }
        var text = new StringBuilder();
        var thinking = new StringBuilder();
        var images = new ArrayList<String>();
        var calls = new ArrayList<ContentPart.ToolCall>();
        for (int j = 0; j < message.parts().size(); j++) {
            switch (message.parts().get(j)) {
                case ContentPart.Text(var t, var _) -> text.append(t);
                case ContentPart.Thinking(var t, var signature) -> thinking.append(t);
                case ContentPart.Image image -> images.add(base64(image, index, j, notes));
                case ContentPart.ToolCall call -> calls.add(call);
                case ContentPart.ToolResult result -> { } // written above
            }
        }
        String role = switch (message.role()) {
            case SYSTEM, DEVELOPER -> "system";
            case USER -> "user";
            case ASSISTANT -> "assistant";
            case TOOL -> throw OptionsWire.invalid("A tool message must carry a tool result.",
                    "messages[" + index + "]");
        };
        if (!calls.isEmpty() && !role.equals("assistant")) {
            throw OptionsWire.invalid("Only assistant messages may contain tool calls.", "messages[" + index + "]");
        }
        if (!images.isEmpty() && !role.equals("user")) {
            throw OptionsWire.invalid("Images are only accepted in user messages.", "messages[" + index + "]");
        }
        gen.writeStartObject();
        gen.writeStringField("role", role);
        gen.writeStringField("content", text.toString());
        // Reasoning replayed in history is what Ollama's own clients send back; a system or user turn has none.
        if (!thinking.isEmpty() && role.equals("assistant")) {
            gen.writeStringField("thinking", thinking.toString());
        }
        if (!images.isEmpty()) {
            gen.writeArrayFieldStart("images");
            for (var image : images) {
                gen.writeString(image);
            }
            gen.writeEndArray();
        }
        if (!calls.isEmpty()) {
            gen.writeArrayFieldStart("tool_calls");
            for (int k = 0; k < calls.size(); k++) {
                var call = calls.get(k);
                gen.writeStartObject();
                gen.writeObjectFieldStart("function");
                gen.writeStringField("name", call.name());
                gen.writeFieldName("arguments");
                gen.writeTree(arguments(call.arguments(),
                        "messages[" + index + "].tool_calls[" + k + "].function.arguments"));
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void writeToolResult(JsonGenerator gen, ContentPart.ToolResult result, int index,
            Map<String, String> toolNames, CallNotes notes) throws IOException {
        var text = new StringBuilder();
        for (var part : result.content()) {
            if (part instanceof ContentPart.Text(var t, var _)) {
                text.append(t);
            } else {
                throw OptionsWire.invalid("Tool results may only contain text for Ollama.",
                        "messages[" + index + "].content");
            }
        }
        if (result.isError()) {
            notes.droppedParam("is_error");
        }
        gen.writeStartObject();
        gen.writeStringField("role", "tool");
        gen.writeStringField("content", text.toString());
        var name = toolNames.get(result.toolCallId());
        if (name != null) {
            gen.writeStringField("tool_name", name);
        }
        gen.writeEndObject();
    }

    /** Ollama takes bare base64; a {@code data:} URL already is base64 behind its prefix, any other URL is refused. */
    private static String base64(ContentPart.Image image, int message, int part, CallNotes notes) {
        if (image.detail() != null && !image.detail().equals("auto")) {
            notes.droppedParam("detail");
        }
        return switch (image.source()) {
            case ImageSource.Base64(var mediaType, var data) -> data;
            case ImageSource.Url(var url) -> {
                int marker = url.indexOf(BASE64_MARKER);
                if (url.regionMatches(true, 0, DATA_PREFIX, 0, DATA_PREFIX.length()) && marker > 0) {
                    yield url.substring(marker + BASE64_MARKER.length());
                }
                throw OptionsWire.invalid("Ollama accepts only inline base64 images, not image URLs.",
                        "messages[" + message + "].content[" + part + "].image_url");
            }
        };
    }

    /** Ollama wants the arguments as a JSON object; the canonical model keeps them as the model's JSON text. */
    static JsonNode arguments(String text, String param) {
        if (text.isBlank()) {
            return ProviderJson.NODES.objectNode();
        }
        try {
            var node = ProviderJson.read(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // refused below
        }
        throw OptionsWire.invalid("Tool call arguments must be a JSON object for Ollama.", param);
    }
}

package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ContentPart;
import java.io.IOException;
import java.util.List;

/**
 * Ollama's {@code tool_calls}: {@code [{function: {name, arguments}}]} with the arguments as a JSON object, not the
 * JSON text other dialects carry. Ollama has no call ids, so none are written (the request side regenerates them, see
 * {@link ToolCallLinker}).
 */
final class ToolCallWriter {
    private ToolCallWriter() {}

    static void write(JsonGenerator g, ObjectMapper mapper, List<ContentPart.ToolCall> calls) throws IOException {
        g.writeArrayFieldStart("tool_calls");
        for (ContentPart.ToolCall call : calls) {
            g.writeStartObject();
            g.writeObjectFieldStart("function");
            g.writeStringField("name", call.name());
            g.writeFieldName("arguments");
            g.writeTree(arguments(mapper, call));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Parses the model's argument text. A call without arguments has empty text, which is {@code {}}; text that is
     * not a JSON object cannot be put in Ollama's shape, and guessing would hand the client a call it never got, so
     * it is an upstream error.
     */
    static JsonNode arguments(ObjectMapper mapper, ContentPart.ToolCall call) {
        String text = call.arguments().strip();
        if (text.isEmpty()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // Reported below.
        }
        throw new ApiException(new ApiError.Upstream(502, "The upstream returned arguments for tool '"
                + call.name() + "' that are not a JSON object.", null, null, "invalid_tool_arguments", null));
    }
}

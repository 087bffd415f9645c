package dev.warden.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The JSON edge of this package. The mapper is configured once and never mutated afterwards (Jackson mappers are
 * thread-safe once configured), so sharing it is not shared mutable state. Request bodies are built as trees here
 * because Anthropic's turn merging needs to append to a turn after it was started.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree in memory: only a bug gets here
        }
    }

    static JsonNode read(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    static JsonNode read(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String text(JsonNode node, String field, String fallback) {
        var value = text(node, field);
        return value == null ? fallback : value;
    }

    static long longValue(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isNumber() ? 0 : value.asLong();
    }
}

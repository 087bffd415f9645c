package dev.warden.provider.gemini;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The JSON edge of this package. The mapper is configured once and never mutated afterwards (Jackson mappers are
 * thread-safe once configured), so sharing it is not shared mutable state.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {}

    static byte[] write(JsonBody body) {
        var out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            body.writeTo(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: only a bug gets here
        }
        return out.toByteArray();
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

    @FunctionalInterface
    interface JsonBody {
        void writeTo(JsonGenerator gen) throws IOException;
    }
}

package dev.warden.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The JSON edge every provider shares: reading upstream bodies, writing request bodies, and the lenient field reads
 * that upstream answers need. The mapper stays private, so no caller can reconfigure it: configured once and never
 * mutated (Jackson mappers are thread-safe once configured), it is not shared mutable state. The node factory is
 * stateless.
 */
public final class ProviderJson {
    /** Builds request trees; stateless, so sharing it is safe. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Its buffer pool is shared by every request instead of Jackson's default of one per thread, which virtual
     * threads (one per request) would never reuse. Bounded, so an idle gateway keeps at most ~2 MB of it.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.newBoundedPool(128))
                    .build())
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private ProviderJson() {}

    /** Writes one JSON document with a streaming generator. */
    public static byte[] write(JsonBody body) {
        var out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            body.writeTo(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: only a bug gets here
        }
        return out.toByteArray();
    }

    /** Writes a tree built with {@link #NODES}. */
    public static byte[] write(JsonNode tree) {
        return write(gen -> MAPPER.writeTree(gen, tree));
    }

    /** A tree as compact JSON text (a tool call's arguments). */
    public static String writeString(JsonNode tree) {
        return new String(write(tree), StandardCharsets.UTF_8);
    }

    /** A plain value (a string, a list of strings, a number) as a tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static JsonNode read(byte[] bytes) throws IOException {
        return MAPPER.readTree(bytes);
    }

    public static JsonNode read(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    /** A field's text, or null when it is absent or JSON null. */
    public static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static String text(JsonNode node, String field, String fallback) {
        var value = text(node, field);
        return value == null ? fallback : value;
    }

    /** A numeric field, or 0 when it is absent or not a number (upstreams omit usage counts they do not know). */
    public static long longValue(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isNumber() ? 0 : value.asLong();
    }

    /** What writes one document's content with the generator. */
    @FunctionalInterface
    public interface JsonBody {
        void writeTo(JsonGenerator gen) throws IOException;
    }
}

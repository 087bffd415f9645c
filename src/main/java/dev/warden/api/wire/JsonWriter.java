package dev.warden.api.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Turns {@link JsonBody} writes into bytes with one dialect's JSON factory. Thread-safe, as the factory is. */
public final class JsonWriter {
    private final JsonFactory factory;

    private JsonWriter(JsonFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public static JsonWriter of(JsonFactory factory) {
        return new JsonWriter(factory);
    }

    public byte[] bytes(JsonBody body) {
        var out = new ByteArrayOutputStream(256);
        append(out, body);
        return out.toByteArray();
    }

    /** Appends one JSON document to an in-memory buffer, which cannot fail with a real I/O error. */
    public void append(ByteArrayOutputStream out, JsonBody body) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

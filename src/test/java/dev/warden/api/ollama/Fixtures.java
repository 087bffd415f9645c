package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;

/** Loads the recorded fixtures beside the tests and compares JSON by tree, not by spelling. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The instant of the documented tool-call answer; every stream fixture is stamped with it. */
    static final Instant T0 = Instant.parse("2024-07-22T20:33:28.123648Z");

    private Fixtures() {}

    static OllamaCodec codec() {
        return OllamaCodec.create(InstantSource.fixed(T0));
    }

    static OllamaCodec codecAt(String instant) {
        return OllamaCodec.create(InstantSource.fixed(Instant.parse(instant)));
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode tree(String name) {
        return tree(bytes(name));
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        return tree(utf8(json));
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A clock that moves forward by {@code stepMillis} on every reading, to make measured durations visible. */
    static InstantSource stepping(long stepMillis) {
        return new InstantSource() {
            private int readings;

            @Override
            public Instant instant() {
                return T0.plusMillis(stepMillis * readings++);
            }
        };
    }
}

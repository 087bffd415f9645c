package dev.warden.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reading and comparing the recorded fixtures every provider's tests keep beside them
 * (src/test/resources/dev/warden/provider/&lt;x&gt;/...). Each provider's own {@code Fixtures} anchors the lookup
 * to its package and adds what only it needs (its endpoint, its stream decoder).
 */
public final class RecordedFixtures {
    private RecordedFixtures() {}

    /** A fixture file, looked up relative to {@code anchor}'s package. */
    public static byte[] bytes(Class<?> anchor, String name) {
        try (var in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return ProviderJson.read(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** Compares as Jackson trees: field order and whitespace do not matter, values and types do. */
    public static void assertJson(byte[] actual, byte[] expected) {
        assertThat(tree(actual)).as(new String(actual, StandardCharsets.UTF_8)).isEqualTo(tree(expected));
    }
}

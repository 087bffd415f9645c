package dev.warden.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.Endpoint;
import dev.warden.provider.RecordedFixtures;
import dev.warden.provider.Scrubber;
import dev.warden.provider.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Recorded fixtures beside the tests: src/test/resources/dev/warden/provider/ollama/... */
final class Fixtures {
    static final Endpoint ENDPOINT = new Endpoint("gpu-box", URI.create("http://10.0.0.7:11434"),
            "sk-proxy-secret-key-123", Map.of("X-Proxy-Token", "proxy-secret-token-456"), Timeouts.DEFAULTS);
    static final Scrubber SCRUBBER = Scrubber.of(ENDPOINT);
    /** What the injected clock says, for answers without {@code created_at}. */
    static final long NOW = 1_800_000_000L;

    private Fixtures() {}

    /** "id-1", "id-2", ...: deterministic injected ids. */
    static Supplier<String> ids() {
        var next = new AtomicInteger();
        return () -> "id-" + next.incrementAndGet();
    }

    static byte[] bytes(String name) {
        return RecordedFixtures.bytes(Fixtures.class, name);
    }

    static JsonNode tree(byte[] json) {
        return RecordedFixtures.tree(json);
    }

    static JsonNode tree(String json) {
        return tree(json.getBytes(StandardCharsets.UTF_8));
    }

    static void assertJson(byte[] actual, String expectedFixture) {
        RecordedFixtures.assertJson(actual, bytes(expectedFixture));
    }

    record Decoded(List<StreamEvent> events, StreamOutcome outcome) {}

    /** Runs a recorded stream through the NDJSON reader and the decoder, as the provider does. */
    static Decoded decode(String streamFixture, StreamDecoder.Endpoint endpoint) {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, SCRUBBER, ids(), endpoint, NOW);
        var reader = new NdjsonReader(new ByteArrayInputStream(bytes(streamFixture)));
        try {
            for (var line = reader.next(); line != null; line = reader.next()) {
                var outcome = decoder.accept(line);
                if (outcome != null) {
                    return new Decoded(events, outcome);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Decoded(events, decoder.endOfBody(false));
    }
}

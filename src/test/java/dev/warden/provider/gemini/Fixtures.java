package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.RecordedFixtures;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Recorded fixtures beside the tests: src/test/resources/dev/warden/provider/gemini/... */
final class Fixtures {
    static final Endpoint ENDPOINT = new Endpoint("gemini-test", URI.create("https://generativelanguage.googleapis.com"),
            "AIzaSyTestSecretKey0123456789abcdefghijk", Map.of("X-Goog-User-Project", "secret-billing-project"),
            Timeouts.DEFAULTS);
    static final Scrubber SCRUBBER = Scrubber.of(ENDPOINT);
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    private Fixtures() {}

    /** call_1, call_2, ... in order, like the injected id source. */
    static Supplier<String> ids() {
        int[] next = {0};
        return () -> "call_" + ++next[0];
    }

    static Unsupported strict(CallNotes notes) {
        return new Unsupported(false, notes);
    }

    static byte[] bytes(String name) {
        return RecordedFixtures.bytes(Fixtures.class, name);
    }

    static JsonNode tree(byte[] json) {
        return RecordedFixtures.tree(json);
    }

    static void assertJson(byte[] actual, String expectedFixture) {
        RecordedFixtures.assertJson(actual, bytes(expectedFixture));
    }

    record Decoded(List<StreamEvent> events, StreamOutcome outcome) {}

    /** Runs a recorded stream through the SSE reader and the decoder, as the provider does. */
    static Decoded decode(String streamFixture) {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, SCRUBBER, ids(), "gemini-2.5-flash", NOW);
        var reader = new SseReader(new ByteArrayInputStream(bytes(streamFixture)));
        try {
            for (var event = reader.next(); event != null; event = reader.next()) {
                var outcome = decoder.accept(event);
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

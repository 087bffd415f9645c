package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.Endpoint;
import dev.warden.provider.RecordedFixtures;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recorded fixtures beside the tests: src/test/resources/dev/warden/provider/openaicompat/... */
final class Fixtures {
    static final Endpoint ENDPOINT = new Endpoint("test", URI.create("http://10.0.0.7:8000/v1"),
            "sk-secret-upstream-key-123", Map.of("X-Org-Token", "org-secret-token-456"), Timeouts.DEFAULTS);
    static final Scrubber SCRUBBER = Scrubber.of(ENDPOINT);

    private Fixtures() {}

    static byte[] bytes(String name) {
        return RecordedFixtures.bytes(Fixtures.class, name);
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode tree(byte[] json) {
        return RecordedFixtures.tree(json);
    }

    static void assertJson(byte[] actual, String expectedFixture) {
        RecordedFixtures.assertJson(actual, bytes(expectedFixture));
    }

    /** Runs a recorded stream through the SSE reader and the decoder, as the provider does. */
    record Decoded(List<StreamEvent> events, StreamOutcome outcome) {}

    static Decoded decode(String streamFixture) {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, SCRUBBER);
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

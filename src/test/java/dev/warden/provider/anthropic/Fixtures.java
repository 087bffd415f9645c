package dev.warden.provider.anthropic;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recorded fixtures beside the tests: src/test/resources/dev/warden/provider/anthropic/... */
final class Fixtures {
    static final Endpoint ENDPOINT = new Endpoint("test", URI.create("https://anthropic.internal.example:8443"),
            "sk-ant-secret-upstream-key-123", Map.of("X-Proxy-Token", "proxy-secret-456"), Timeouts.DEFAULTS);
    static final Scrubber SCRUBBER = Scrubber.of(ENDPOINT);
    static final long CREATED = 1_700_000_000L;

    private Fixtures() {}

    static byte[] bytes(String name) {
        return RecordedFixtures.bytes(Fixtures.class, name);
    }

    static JsonNode tree(byte[] json) {
        return RecordedFixtures.tree(json);
    }

    static void assertJson(byte[] actual, String expectedFixture) {
        RecordedFixtures.assertJson(actual, bytes(expectedFixture));
    }

    record Decoded(List<StreamEvent> events, StreamOutcome outcome, StreamDecoder decoder) {}

    /** Runs a recorded stream through the SSE reader and the decoder, as the provider does. */
    static Decoded decode(String streamFixture, boolean jsonMode) {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, SCRUBBER, jsonMode, CREATED);
        var reader = new SseReader(new ByteArrayInputStream(bytes(streamFixture)));
        try {
            for (var event = reader.next(); event != null; event = reader.next()) {
                var outcome = decoder.accept(event);
                if (outcome != null) {
                    return new Decoded(events, outcome, decoder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Decoded(events, decoder.endOfBody(false), decoder);
    }
}

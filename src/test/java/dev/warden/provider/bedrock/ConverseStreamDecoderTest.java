package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Recorded ConverseStream event sequences (JSON descriptions of frames under stream/), encoded with AWS's own
 * eventstream library, read by our reader and decoder → expected canonical events and outcome.
 */
class ConverseStreamDecoderTest {
    private record Decoded(List<StreamEvent> events, StreamOutcome outcome) {}

    private static byte[] encode(String fixture) {
        var out = new ByteArrayOutputStream();
        for (var frame : Fixtures.tree(Fixtures.bytes(fixture))) {
            var headers = new LinkedHashMap<String, HeaderValue>();
            if (frame.has("exception")) {
                headers.put(":exception-type", HeaderValue.fromString(frame.get("exception").asText()));
                headers.put(":message-type", HeaderValue.fromString("exception"));
            } else {
                headers.put(":event-type", HeaderValue.fromString(frame.get("type").asText()));
                headers.put(":message-type", HeaderValue.fromString("event"));
            }
            headers.put(":content-type", HeaderValue.fromString("application/json"));
            new Message(headers, frame.get("payload").toString().getBytes(StandardCharsets.UTF_8)).encode(out);
        }
        return out.toByteArray();
    }

    private static Decoded decode(byte[] bytes, @Nullable String jsonTool) {
        var events = new ArrayList<StreamEvent>();
        var decoder = new ConverseStreamDecoder(events::add, Fixtures.SCRUBBER, "req-9", "m", 1L, jsonTool);
        var reader = new EventStreamReader(new ByteArrayInputStream(bytes));
        try {
            for (var frame = reader.next(); frame != null; frame = reader.next()) {
                var outcome = decoder.accept(frame);
                if (outcome != null) {
                    return new Decoded(events, outcome);
                }
            }
        } catch (EventStreamException e) {
            return new Decoded(events, decoder.broken(e));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new Decoded(events, decoder.endOfBody(false));
    }

    @Test
    void reasoningAndTheForcedJsonToolAsText() {
        var decoded = decode(encode("stream/reasoning-json-tool.json"), "person");
        var usage = new Usage(205, 7, 100, 0, false);
        assertThat(decoded.events()).containsExactly(
                new StreamEvent.Start("req-9", "m", 1L),
                new StreamEvent.ReasoningDelta(0, "Think"),
                new StreamEvent.TextDelta(0, "{\"name\":"),
                new StreamEvent.TextDelta(0, "\"Ada\"}"),
                new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    @Test
    void parallelToolCallsAreNumberedAmongThemselvesAndEofAfterMessageStopIsComplete() {
        var decoded = decode(encode("stream/parallel-tools-then-eof.json"), null);
        assertThat(decoded.events()).containsExactly(
                new StreamEvent.Start("req-9", "m", 1L),
                new StreamEvent.ToolCallStart(0, 0, "t_a", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 0, "{\"city\":\"Paris\"}"),
                new StreamEvent.ToolCallStart(0, 1, "t_b", "get_time"),
                new StreamEvent.ToolCallDelta(0, 1, "{}"),
                new StreamEvent.Finish(0, FinishReason.LENGTH));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(null));
    }

    @Test
    void anExceptionFrameFailsWithTheMappedStatus() {
        var decoded = decode(encode("stream/throttled.json"), null);
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Failed(null, new ApiError.Upstream(429,
                "Too many tokens, please wait before trying again.", "invalid_request_error", null,
                "throttlingException", null)));
    }

    @Test
    void aCorruptFrameFailsNamingTheCrc() {
        var bytes = encode("stream/parallel-tools-then-eof.json");
        bytes[bytes.length - 10] ^= 0x20; // inside the last frame's payload
        var decoded = decode(bytes, null);
        assertThat(decoded.outcome()).isInstanceOfSatisfying(StreamOutcome.Failed.class, failed -> {
            var error = (ApiError.Upstream) failed.error();
            assertThat(error.status()).isEqualTo(502);
            assertThat(error.code()).isEqualTo("upstream_malformed_stream");
            assertThat(error.message()).contains("Message CRC mismatch");
        });
        assertThat(decoded.events()).doesNotContain(new StreamEvent.Finish(0, FinishReason.LENGTH));
    }

    @Test
    void aCutBeforeMessageStopIsTruncated() {
        var bytes = encode("stream/parallel-tools-then-eof.json");
        var decoded = decode(java.util.Arrays.copyOf(bytes, bytes.length - 60), null);
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Truncated(null, ConverseStreamDecoder.TRUNCATED));
    }
}

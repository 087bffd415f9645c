package dev.warden.provider.ollama;

import static dev.warden.provider.ollama.Fixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamEvent.Finish;
import dev.warden.llm.StreamEvent.ReasoningDelta;
import dev.warden.llm.StreamEvent.Start;
import dev.warden.llm.StreamEvent.TextDelta;
import dev.warden.llm.StreamEvent.ToolCallDelta;
import dev.warden.llm.StreamEvent.ToolCallStart;
import dev.warden.llm.StreamEvent.UsageReport;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Recorded NDJSON streams → canonical events and outcome. */
class StreamDecoderTest {
    private static final StreamDecoder.Endpoint CHAT = StreamDecoder.Endpoint.CHAT;

    private static long at(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toEpochSecond();
    }

    @Test
    void textThenTheDoneObjectWithCounts() {
        var decoded = decode("stream/text.ndjson", CHAT);
        var usage = Usage.of(26, 282);
        assertThat(decoded.events()).containsExactly(
                new Start("id-1", "llama3.2", at("2023-08-04T08:52:19.385406455-07:00")),
                new TextDelta(0, "The"), new TextDelta(0, " sky wörld 🌍"),
                new Finish(0, FinishReason.STOP), new UsageReport(usage, null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    @Test
    void eachToolCallArrivesWholeAsAStartAndOneDelta() {
        var decoded = decode("stream/tool-calls.ndjson", CHAT);
        assertThat(decoded.events()).containsExactly(
                new Start("id-1", "llama3.2", at("2025-05-27T20:37:32.105211Z")),
                new ToolCallStart(0, 0, "id-2", "get_current_weather"),
                new ToolCallDelta(0, 0, "{\"location\":\"Paris, FR\",\"format\":\"celsius\"}"),
                new ToolCallStart(0, 1, "call_abcd1234", "get_time"),
                new ToolCallDelta(0, 1, "{\"tz\":\"CET\"}"),
                new Finish(0, FinishReason.TOOL_CALLS),
                new UsageReport(Usage.of(122, 33), null));
        assertThat(decoded.outcome()).isInstanceOf(StreamOutcome.Complete.class);
    }

    @Test
    void thinkingBecomesReasoningDeltasAndLengthIsLength() {
        var decoded = decode("stream/thinking.ndjson", CHAT);
        assertThat(decoded.events()).containsExactly(
                new Start("id-1", "qwen3", at("2025-05-29T09:35:56.836222Z")),
                new ReasoningDelta(0, "Let me think."), new ReasoningDelta(0, " Still thinking."),
                new TextDelta(0, "{\"answer\": 42}"),
                new Finish(0, FinishReason.LENGTH), new UsageReport(Usage.of(5, 7), null));
    }

    @Test
    void endOfBodyBeforeDoneIsTruncatedAndTheCutLineIsDiscarded() {
        var decoded = decode("stream/truncated.ndjson", CHAT);
        assertThat(decoded.events()).containsExactly(
                new Start("id-1", "llama3.2", at("2023-08-04T08:52:19.385406455-07:00")),
                new TextDelta(0, "Par"), new TextDelta(0, "tial"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.TRUNCATED));
    }

    @Test
    void anErrorLineFailsTheStreamWithAScrubbedMessage() {
        var decoded = decode("stream/in-stream-error.ndjson", CHAT);
        assertThat(decoded.events()).hasSize(2).last().isEqualTo(new TextDelta(0, "Hi"));
        var failed = (StreamOutcome.Failed) decoded.outcome();
        var error = (ApiError.Upstream) failed.error();
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.message()).startsWith("an error was encountered while running the model: CUDA error")
                .doesNotContain("10.0.0.7").doesNotContain("http");
    }

    @Test
    void generateStreamsReadTheResponseField() {
        var decoded = decode("stream/generate.ndjson", StreamDecoder.Endpoint.GENERATE);
        assertThat(decoded.events()).containsExactly(
                new Start("id-1", "llama3.2", at("2023-08-04T08:52:19.385406455-07:00")),
                new TextDelta(0, "The"), new TextDelta(0, " sky"),
                new Finish(0, FinishReason.STOP), new UsageReport(Usage.of(26, 259), null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(Usage.of(26, 259)));
    }

    @Test
    void aLineThatIsNotAJsonObjectFailsTheStream() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER, Fixtures.ids(), CHAT, Fixtures.NOW);
        var outcome = decoder.accept("data: {\"not\":\"ndjson\"}");
        assertThat(outcome).isEqualTo(new StreamOutcome.Failed(null,
                new ApiError.Upstream(502, StreamDecoder.MALFORMED, "upstream_error", null, null, null)));
        assertThat(events).isEmpty();
        assertThat(decoder.state()).isEqualTo(StreamDecoder.State.ENDED);
        assertThatThrownBy(() -> decoder.accept("{}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIdleTimeoutIsReportedAsSuch() {
        var decoder = new StreamDecoder(event -> { }, Fixtures.SCRUBBER, Fixtures.ids(), CHAT, Fixtures.NOW);
        assertThat(decoder.accept("{\"model\":\"m\",\"message\":{\"content\":\"a\"},\"done\":false}")).isNull();
        assertThat(decoder.endOfBody(true)).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.IDLE));
    }
}

package dev.warden.provider.gemini;

import static dev.warden.provider.gemini.Fixtures.decode;
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
import dev.warden.provider.SseReader;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Recorded alt=sse streams → canonical events and outcome. */
class StreamDecoderTest {
    private static final long CREATED = Fixtures.NOW.getEpochSecond();

    @Test
    void textDeltasThenFinishThenTheLastUsageAtTheEnd() {
        var decoded = decode("stream/text.sse");
        var usage = Usage.of(9, 3);
        assertThat(decoded.events()).containsExactly(
                new Start("resp-s1", "gemini-2.5-flash", CREATED),
                new TextDelta(0, "Hello"), new TextDelta(0, " wörld"), new TextDelta(0, " 🌍"),
                new Finish(0, FinishReason.STOP),
                new UsageReport(usage, null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    /** Regression: thought signatures were dropped from streams, so Gemini 3 tool turns could not be replayed. */
    @Test
    void thoughtSignaturesTravelAsSignatureOnlyReasoningEvents() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER, () -> "call_s", "gemini-3-pro", Fixtures.NOW);
        decoder.accept(new SseReader.Event(null, """
                {"responseId":"r","modelVersion":"gemini-3-pro","candidates":[{"index":0,"content":{"role":"model",
                 "parts":[{"text":"Plan.","thought":true,"thoughtSignature":"sig-t"},
                          {"functionCall":{"name":"get_weather","args":{"city":"Oslo"}},"thoughtSignature":"sig-c"}]},
                 "finishReason":"STOP"}]}"""));
        assertThat(events).containsSubsequence(
                new ReasoningDelta(0, "Plan."), new ReasoningDelta(0, "", "sig-t"),
                new ReasoningDelta(0, "", "sig-c"), new ToolCallStart(0, 0, "call_s", "get_weather"));
    }

    @Test
    void parallelFunctionCallsArriveWholeAsStartPlusOneDelta() {
        var decoded = decode("stream/function-calls.sse");
        assertThat(decoded.events()).containsExactly(
                new Start("resp-fc", "gemini-2.5-flash", CREATED),
                new ToolCallStart(0, 0, "call_1", "get_weather"),
                new ToolCallDelta(0, 0, "{\"city\":\"Paris\"}"),
                new ToolCallStart(0, 1, "call_2", "get_time"),
                new ToolCallDelta(0, 1, "{\"tz\":\"CET\"}"),
                new Finish(0, FinishReason.TOOL_CALLS),
                new UsageReport(Usage.of(40, 12), null));
        assertThat(decoded.outcome()).isInstanceOf(StreamOutcome.Complete.class);
    }

    @Test
    void thoughtsAreReasoningDeltasAndCountAsCompletion() {
        var decoded = decode("stream/thinking.sse");
        var usage = new Usage(10, 32, 4, 30, false);
        assertThat(decoded.events()).containsExactly(
                new Start("resp-th", "gemini-2.5-pro", CREATED),
                new ReasoningDelta(0, "Thinking about it."), new TextDelta(0, "Answer."),
                new Finish(0, FinishReason.LENGTH), new UsageReport(usage, null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    @Test
    void endOfBodyWithoutAFinishReasonIsTruncatedWithTheUsageSoFar() {
        var decoded = decode("stream/truncated.sse");
        assertThat(decoded.events()).containsExactly(new Start("resp-cut", "gemini-2.5-flash", CREATED),
                new TextDelta(0, "Hello"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Truncated(Usage.of(9, 0), StreamDecoder.TRUNCATED));
    }

    @Test
    void anErrorChunkFailsTheStreamWithItsMappedStatus() {
        var decoded = decode("stream/in-stream-error.sse");
        assertThat(decoded.events()).containsExactly(new Start("resp-err", "gemini-2.5-flash", CREATED),
                new TextDelta(0, "Hel"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Failed(null, new ApiError.Upstream(503,
                "The model is overloaded. Please try again later.", "upstream_error", null, "unavailable", null)));
    }

    @Test
    void aBlockedPromptFinishesByTheContentFilterAndCompletes() {
        var decoded = decode("stream/prompt-blocked.sse");
        assertThat(decoded.events()).containsExactly(new Start("resp-blk", "gemini-2.5-flash", CREATED),
                new Finish(0, FinishReason.CONTENT_FILTER), new UsageReport(Usage.of(8, 0), null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(Usage.of(8, 0)));
    }

    @Test
    void everyCandidateSeenMustFinishForTheStreamToBeComplete() {
        var decoded = decode("stream/two-candidates-one-cut.sse");
        assertThat(decoded.events()).contains(new TextDelta(1, "B"), new Finish(0, FinishReason.STOP))
                .doesNotContain(new Finish(1, FinishReason.STOP));
        assertThat(decoded.outcome()).isInstanceOf(StreamOutcome.Truncated.class);
    }

    @Test
    void malformedChunksFailAndAnIdleEndIsReportedAsSuch() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER, Fixtures.ids(), "m", Fixtures.NOW);
        assertThat(decoder.accept(new SseReader.Event(null, " "))).isNull();
        assertThat(decoder.accept(new SseReader.Event(null, "{not json"))).isInstanceOfSatisfying(
                StreamOutcome.Failed.class, f -> assertThat(f.error().status()).isEqualTo(502));
        assertThatThrownBy(() -> decoder.accept(new SseReader.Event(null, "{}")))
                .isInstanceOf(IllegalStateException.class);
        var idle = new StreamDecoder(events::add, Fixtures.SCRUBBER, Fixtures.ids(), "m", Fixtures.NOW);
        assertThat(idle.endOfBody(true)).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.IDLE));
    }

    @Test
    void withoutResponseIdOrModelVersionTheIdIsGeneratedAndTheModelIsTheRequested() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER, Fixtures.ids(), "gemini-x", Fixtures.NOW);
        decoder.accept(new SseReader.Event(null, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]},"
                + "\"finishReason\":\"STOP\"}]}"));
        assertThat(events.getFirst()).isEqualTo(new Start("call_1", "gemini-x", CREATED));
        assertThat(decoder.endOfBody(false)).isEqualTo(new StreamOutcome.Complete(null));
    }
}

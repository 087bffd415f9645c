package dev.warden.provider.openaicompat;

import dev.warden.provider.SseReader;
import static dev.warden.provider.openaicompat.Fixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Recorded upstream streams → canonical events and outcome. */
class StreamDecoderTest {

    @Test
    void textWithUsageOnAFinalChunkWithoutChoices() {
        var decoded = decode("stream/text-with-usage.sse");
        var usage = new Usage(9, 3, 2, 0, false);
        assertThat(decoded.events()).containsExactly(
                new Start("chatcmpl-1", "gpt-4o-mini", 1694268190),
                new TextDelta(0, "Hello"),
                new TextDelta(0, " wörld 🌍"),
                new Finish(0, FinishReason.LENGTH),
                new UsageReport(usage, "fp_44709d6fcb"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    @Test
    void parallelToolCallsWithArgumentsSplitAcrossChunks() {
        var decoded = decode("stream/parallel-tool-calls.sse");
        assertThat(decoded.events()).containsExactly(
                new Start("chatcmpl-2", "gpt-4o", 1700000000),
                new ToolCallStart(0, 0, "call_a", "get_weather"),
                new ToolCallDelta(0, 0, "{\"ci"),
                new ToolCallDelta(0, 0, "ty\": \"Paris\"}"),
                new ToolCallStart(0, 1, "call_b", "get_time"),
                new ToolCallDelta(0, 1, "{\"tz\":"),
                new ToolCallDelta(0, 1, " \"CET\"}"),
                new Finish(0, FinishReason.TOOL_CALLS));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(null));
    }

    @Test
    void reasoningContentAndReasoningBothBecomeReasoningDeltas() {
        var decoded = decode("stream/reasoning.sse");
        var usage = new Usage(5, 7, 1, 6, false);
        assertThat(decoded.events()).containsExactly(
                new Start("r1", "deepseek-reasoner", 5),
                new ReasoningDelta(0, "Let me think."),
                new ReasoningDelta(0, " Still thinking."),
                new TextDelta(0, "42"),
                new Finish(0, FinishReason.STOP),
                new UsageReport(usage, null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    @Test
    void endOfBodyBeforeDoneIsTruncatedAndThePartialEventIsDiscarded() {
        var decoded = decode("stream/truncated.sse");
        assertThat(decoded.events()).containsExactly(new Start("t1", "m", 1), new TextDelta(0, "Par"),
                new TextDelta(0, "tial"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.TRUNCATED));
    }

    @Test
    void anErrorEventInsideTheStreamFailsItWithAScrubbedMessage() {
        var decoded = decode("stream/in-stream-error.sse");
        assertThat(decoded.events()).containsExactly(new Start("e1", "m", 1), new TextDelta(0, "Hi"));
        var outcome = (StreamOutcome.Failed) decoded.outcome();
        var error = (ApiError.Upstream) outcome.error();
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.code()).isEqualTo("overloaded");
        assertThat(error.message()).isEqualTo("Engine overloaded at *** using key ***")
                .doesNotContain("sk-secret").doesNotContain("10.0.0.7");
    }

    @Test
    void groqUsageInXGroqIsReported() {
        var decoded = decode("stream/groq-usage.sse");
        assertThat(decoded.events()).contains(new UsageReport(Usage.of(10, 1), null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(Usage.of(10, 1)));
    }

    @Test
    void textCompletionChunks() {
        var decoded = decode("stream/completion.sse");
        assertThat(decoded.events()).containsExactly(new Start("cmpl-1", "gpt-3.5-turbo-instruct", 3),
                new TextDelta(0, "This"), new TextDelta(0, " is"), new Finish(0, FinishReason.LENGTH));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(null));
    }

    @Test
    void malformedJsonFailsTheStream() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER);
        var outcome = decoder.accept(new SseReader.Event(null, "{not json"));
        assertThat(outcome).isInstanceOfSatisfying(StreamOutcome.Failed.class,
                f -> assertThat(f.error().message()).isEqualTo(StreamDecoder.MALFORMED));
        assertThat(decoder.state()).isEqualTo(StreamDecoder.State.ENDED);
    }

    @Test
    void toolCallsWithoutIndexAndWithRepeatedIdsAreNumberedByArrival() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER);
        decoder.accept(new SseReader.Event(null, "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"delta\":{"
                + "\"tool_calls\":[{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}"));
        decoder.accept(new SseReader.Event(null, "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"delta\":{"
                + "\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{\\\"k\\\"\"}}]}}]}"));
        decoder.accept(new SseReader.Event(null, "{\"id\":\"x\",\"model\":\"m\",\"choices\":[{\"delta\":{"
                + "\"tool_calls\":[{\"id\":\"b\",\"function\":{\"arguments\":\":1}\"}}]}}]}"));
        assertThat(events).containsExactly(new Start("x", "m", 0),
                new ToolCallStart(0, 0, "a", "f"), new ToolCallDelta(0, 0, "{}"),
                new ToolCallStart(0, 1, "b", "g"), new ToolCallDelta(0, 1, "{\"k\""),
                new ToolCallDelta(0, 1, ":1}"));
    }

    @Test
    void anAzureStylePreambleWithoutIdOrChoicesDoesNotStartTheStream() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER);
        decoder.accept(new SseReader.Event(null,
                "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"prompt_filter_results\":[]}"));
        assertThat(events).isEmpty();
        decoder.accept(new SseReader.Event(null, "{\"id\":\"c\",\"model\":\"gpt-4o\",\"created\":9,"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}"));
        assertThat(events).containsExactly(new Start("c", "gpt-4o", 9), new TextDelta(0, "x"));
    }

    @Test
    void emptyEventsAreIgnoredAndANamedErrorEventFailsEvenWithoutJson() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER);
        assertThat(decoder.accept(new SseReader.Event(null, ""))).isNull();
        var outcome = decoder.accept(new SseReader.Event("error", "upstream exploded"));
        assertThat(outcome).isInstanceOfSatisfying(StreamOutcome.Failed.class, f -> {
            assertThat(f.error().status()).isEqualTo(502);
            assertThat(f.error().message()).isEqualTo("The upstream provider reported an error during the stream.");
        });
        assertThat(events).isEmpty();
    }
}

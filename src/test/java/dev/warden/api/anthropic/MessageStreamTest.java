package dev.warden.api.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class MessageStreamTest {
    private final AnthropicCodec codec = AnthropicCodec.create();
    private final FlushRecorder out = new FlushRecorder();
    private final AnthropicMessageStream stream = AnthropicMessageStream.create(codec, out);

    @Test
    void streamsTextAnswer() {
        stream.accept(new StreamEvent.Start("chatcmpl-123", "claude-sonnet-4-5", 1741570000));
        stream.accept(new StreamEvent.TextDelta(0, "Hello"));
        stream.accept(new StreamEvent.TextDelta(0, " wörld \"quoted\"\n"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.accept(new StreamEvent.UsageReport(new Usage(9, 3, 2, 0, false), null));
        stream.finish(new StreamOutcome.Complete(new Usage(9, 3, 2, 0, false)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_text.sse"));
    }

    @Test
    void streamsTextThenToolUseWithInputJsonDeltas() {
        stream.accept(new StreamEvent.Start("msg_01Tool", "claude-opus-4-1", 1));
        stream.accept(new StreamEvent.TextDelta(0, "Checking."));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, ""));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"location\": \"San Fra"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "ncisco, CA\"}"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.finish(new StreamOutcome.Complete(Usage.of(472, 89)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_tool_use.sse"));
    }

    /**
     * The OpenAI-style interleaving: call 1 starts while call 0's arguments are unfinished, then fragments of both
     * arrive. Call 0 streams live; call 1 waits until call 0's JSON is complete, then follows in its own block. A
     * brace inside a string must not count as the end of the arguments.
     */
    @Test
    void parallelToolCallsGetOneBlockEachEvenWhenDeltasInterleave() {
        stream.accept(new StreamEvent.Start("chatcmpl-tools", "gpt-4o", 1741570001));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "call_a", "get_weather"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"city\":"));
        stream.accept(new StreamEvent.ToolCallStart(0, 1, "call_b", "get_time"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 1, "{\"tz\":"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "\"Paris\"}"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 1, "\"CET\"}"));
        stream.accept(new StreamEvent.ToolCallStart(0, 2, "call_c", "get_news"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 2, "{\"topic\":\"}{\\\"\"}"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.accept(new StreamEvent.UsageReport(Usage.of(50, 20), null));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_parallel_tools.sse"));
    }

    @Test
    void bufferedCallsAreWrittenAtFinishWhenTheOpenCallNeverCompletes() {
        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "call_a", "a"));
        stream.accept(new StreamEvent.ToolCallStart(0, 1, "call_b", "b"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 1, "{}"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.events()).extracting(e -> e[0]).containsExactly("message_start", "content_block_start",
                "content_block_stop", "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(out.events().get(3)[1]).contains("\"index\":1").contains("\"id\":\"call_b\"");
        assertThat(out.events().get(4)[1]).contains("\"index\":1").contains("\"partial_json\":\"{}\"");
        assertThat(out.events().get(6)[1]).contains("\"usage\":{\"output_tokens\":0}");
    }

    @Test
    void streamsThinkingThenText() {
        stream.accept(new StreamEvent.Start("r1", "deepseek-r1", 1));
        stream.accept(new StreamEvent.ReasoningDelta(0, "Let me solve this step by step:"));
        stream.accept(new StreamEvent.ReasoningDelta(0, "\n\n1. 27 * 453 = 12231"));
        stream.accept(new StreamEvent.TextDelta(0, "27 * 453 = 12,231"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.LENGTH));
        stream.finish(new StreamOutcome.Complete(Usage.of(30, 64)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_thinking_text.sse"));
    }

    /** Regression: streamed thinking lost its signature, so the client could not send the block back. */
    @Test
    void aReasoningSignatureIsStreamedAsASignatureDeltaInTheThinkingBlock() {
        stream.accept(new StreamEvent.Start("r2", "claude-sonnet-4-5", 1));
        stream.accept(new StreamEvent.ReasoningDelta(0, "Think."));
        stream.accept(new StreamEvent.ReasoningDelta(0, "", "EqQBsig=="));
        stream.accept(new StreamEvent.TextDelta(0, "Answer."));
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.finish(new StreamOutcome.Complete(Usage.of(3, 4)));

        var text = out.text();
        assertThat(text).contains("\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBsig==\"}");
        assertThat(text.indexOf("signature_delta")).isGreaterThan(text.indexOf("thinking_delta"))
                .isLessThan(text.indexOf("text_delta"));
        assertThat(text.indexOf("signature_delta")).isLessThan(text.indexOf("\"content_block_stop\",\"index\":0"));
    }

    @Test
    void truncatedStreamEndsWithErrorEventAndNoMessageStop() {
        stream.accept(new StreamEvent.Start("msg_cut", "claude-sonnet-4-5", 1));
        stream.accept(new StreamEvent.TextDelta(0, "The answer is"));
        stream.finish(new StreamOutcome.Truncated(null, "upstream idle for 30s"));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_truncated.sse")).doesNotContain("message_stop")
                .doesNotContain("idle");
    }

    @Test
    void failureBeforeAnyEventIsASingleMappedErrorEvent() {
        stream.finish(new StreamOutcome.Failed(null, new ApiError.RateLimited("Slow down.", 3L)));

        assertThat(out.text()).isEqualTo("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":"
                + "\"rate_limit_error\",\"message\":\"Slow down.\"},\"request_id\":null}\n\n");
    }

    @Test
    void deltaBeforeStartStillOpensTheMessageFirst() {
        stream.accept(new StreamEvent.TextDelta(0, "hi"));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.events()).extracting(e -> e[0]).containsExactly("message_start", "content_block_start",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(out.events().getFirst()[1]).contains("\"id\":\"msg_\"");
    }

    @Test
    void completeWithoutFinishClosesTheOpenBlockAndSaysEndTurn() {
        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.ReasoningDelta(0, "x"));
        stream.finish(new StreamOutcome.Complete(Usage.of(1, 1)));

        assertThat(out.events().get(3)[0]).isEqualTo("content_block_stop");
        assertThat(out.events().get(4)[1]).contains("\"stop_reason\":\"end_turn\"");
    }

    @Test
    void usageReportIsUsedWhenTheOutcomeHasNone() {
        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.UsageReport(new Usage(100, 7, 40, 0, false), null));
        stream.finish(new StreamOutcome.Complete(null));

        String delta = out.events().get(1)[1];
        assertThat(delta).contains("\"input_tokens\":60").contains("\"cache_read_input_tokens\":40")
                .contains("\"output_tokens\":7");
    }

    @Test
    void otherChoicesAreIgnored() {
        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.TextDelta(1, "other"));

        assertThat(out.events()).hasSize(1);
    }

    @Test
    void flushesEveryEventWholeAndAtOnce() {
        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.TextDelta(0, "a"));
        assertThat(out.flushes).hasSize(3);
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.flushes).hasSize(6).allSatisfy(chunk -> assertThat(chunk).startsWith("event: ")
                .contains("\ndata: {").endsWith("}\n\n"));
    }

    @Test
    void clientGoneWritesNothingAndFinishIsIdempotent() {
        stream.finish(new StreamOutcome.ClientGone(null));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.text()).isEmpty();
    }

    @Test
    void writeFailureBecomesClientGone() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        var failing = AnthropicMessageStream.create(codec, broken);

        assertThatThrownBy(() -> failing.accept(new StreamEvent.Start("c", "m", 1)))
                .isInstanceOf(ClientGoneException.class).hasRootCauseMessage("Broken pipe");
    }
}

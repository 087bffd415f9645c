package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatStreamTest {
    private final OpenAiCodec codec = OpenAiCodec.create();
    private final FlushRecorder out = new FlushRecorder();

    @Test
    void streamsTextAnswerWithUsageChunk() {
        var stream = OpenAiChatStream.create(codec, out, true);
        Usage usage = Usage.of(9, 3);

        stream.accept(new StreamEvent.Start("chatcmpl-123", "gpt-4o-mini", 1741570000));
        stream.accept(new StreamEvent.TextDelta(0, "Hello"));
        stream.accept(new StreamEvent.TextDelta(0, " wörld \"quoted\"\n"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.accept(new StreamEvent.UsageReport(usage, "fp_06737a9306"));
        stream.finish(new StreamOutcome.Complete(usage));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_text_usage.sse"));
    }

    @Test
    void streamsParallelToolCallsWithArgumentDeltas() {
        var stream = OpenAiChatStream.create(codec, out, false);

        stream.accept(new StreamEvent.Start("chatcmpl-tools", "gpt-4o", 1741570001));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "call_a", "get_weather"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"city\":"));
        stream.accept(new StreamEvent.ToolCallStart(0, 1, "call_b", "get_time"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "\"Paris\"}"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 1, "{\"tz\":\"CET\"}"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        // Not asked for: no usage chunk, even though the upstream reported usage.
        stream.accept(new StreamEvent.UsageReport(Usage.of(50, 20), null));
        stream.finish(new StreamOutcome.Complete(Usage.of(50, 20)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_parallel_tools.sse"));
    }

    @Test
    void truncatedStreamEndsWithErrorEventAndNoDone() {
        var stream = OpenAiChatStream.create(codec, out, true);

        stream.accept(new StreamEvent.Start("chatcmpl-cut", "deepseek-r1", 1741570002));
        stream.accept(new StreamEvent.ReasoningDelta(0, "Let me think"));
        stream.accept(new StreamEvent.TextDelta(0, "The answer is"));
        stream.finish(new StreamOutcome.Truncated(null, "upstream idle for 30s"));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_truncated.sse")).doesNotContain("[DONE]");
    }

    @Test
    void failureBeforeAnyEventIsAWellFormedErrorStream() {
        var stream = OpenAiChatStream.create(codec, out, false);

        stream.finish(new StreamOutcome.Failed(null, new ApiError.Unavailable("No upstream is available.")));

        assertThat(out.text()).isEqualTo("data: {\"error\":{\"message\":\"No upstream is available.\","
                + "\"type\":\"service_unavailable_error\",\"param\":null,\"code\":null}}\n\n");
    }

    @Test
    void deltaBeforeStartStillOpensTheChoiceWithRequiredFields() {
        var stream = OpenAiChatStream.create(codec, out, false);

        stream.accept(new StreamEvent.TextDelta(0, "hi"));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.events()).hasSize(3);
        assertThat(Fixtures.tree(Fixtures.utf8(out.events().getFirst().substring(6))).at("/choices/0/delta/role")
                .asText()).isEqualTo("assistant");
        assertThat(Fixtures.tree(Fixtures.utf8(out.events().get(1).substring(6))).fieldNames())
                .toIterable().contains("id", "object", "created", "model", "choices");
    }

    @Test
    void secondChoiceGetsItsOwnRoleChunk() {
        var stream = OpenAiChatStream.create(codec, out, false);

        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.TextDelta(1, "b"));

        assertThat(out.events()).hasSize(3);
        assertThat(out.events().get(1)).contains("\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}");
        assertThat(out.events().get(2)).contains("\"index\":1,\"delta\":{\"content\":\"b\"}");
    }

    @Test
    void usageFromOutcomeIsSentWhenNoUsageEventCame() {
        var stream = OpenAiChatStream.create(codec, out, true);

        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.finish(new StreamOutcome.Complete(new Usage(5, 6, 1, 2, true)));

        assertThat(out.events()).hasSize(3);
        assertThat(Fixtures.tree(Fixtures.utf8(out.events().get(1).substring(6))).at("/usage/total_tokens").asLong())
                .isEqualTo(11);
        assertThat(out.events().get(2)).isEqualTo("data: [DONE]");
    }

    @Test
    void flushesEveryEventWholeAndAtOnce() {
        var stream = OpenAiChatStream.create(codec, out, false);

        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.accept(new StreamEvent.TextDelta(0, "a"));
        assertThat(out.flushes).hasSize(2);
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.flushes).hasSize(4).allSatisfy(chunk -> assertThat(chunk).startsWith("data: ").endsWith("\n\n"));
    }

    @Test
    void clientGoneWritesNothingAndFinishIsIdempotent() {
        var stream = OpenAiChatStream.create(codec, out, false);

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
        var stream = OpenAiChatStream.create(codec, broken, false);

        assertThatThrownBy(() -> stream.accept(new StreamEvent.Start("c", "m", 1)))
                .isInstanceOf(ClientGoneException.class).hasRootCauseMessage("Broken pipe");
    }

    /** Records what reached the client at each flush. */
    static final class FlushRecorder extends OutputStream {
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        final List<String> flushes = new ArrayList<>();

        @Override
        public void write(int b) {
            all.write(b);
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            all.write(b, off, len);
            pending.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes.add(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }

        String text() {
            return all.toString(StandardCharsets.UTF_8);
        }

        /** The SSE events' data lines, without the blank separator lines. */
        List<String> events() {
            return List.of(text().split("\n\n"));
        }
    }
}

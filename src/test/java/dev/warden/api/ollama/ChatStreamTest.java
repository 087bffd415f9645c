package dev.warden.api.ollama;

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
    private final OllamaCodec codec = Fixtures.codec();
    private final FlushRecorder out = new FlushRecorder();

    @Test
    void streamsTextThenTheDoneLineWithCounts() {
        var stream = OllamaChatStream.create(codec, out, "llama3.2");
        Usage usage = Usage.of(26, 2);

        stream.accept(new StreamEvent.Start("chatcmpl-1", "gpt-4o-2024-08-06", 1721680408));
        stream.accept(new StreamEvent.TextDelta(0, "The"));
        stream.accept(new StreamEvent.TextDelta(0, " sky is \"blue\"\n"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.accept(new StreamEvent.UsageReport(usage, null));
        stream.finish(new StreamOutcome.Complete(usage));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_text.ndjson"));
    }

    @Test
    void toolCallsAreSentWholeOnceTheChoiceFinishes() {
        var stream = OllamaChatStream.create(codec, out, "llama3.2");

        stream.accept(new StreamEvent.Start("chatcmpl-2", "gpt-4o", 1));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "call_a", "get_current_weather"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"location\":"));
        stream.accept(new StreamEvent.ToolCallStart(0, 1, "call_b", "get_current_weather"));
        // Parallel calls interleave: call 0 continues after call 1 started.
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "\"Paris, FR\"}"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 1, "{\"location\":\"Tokyo, JP\"}"));
        assertThat(out.flushes).as("nothing is sent before the calls are whole").isEmpty();
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.accept(new StreamEvent.UsageReport(Usage.of(122, 33), null));
        stream.finish(new StreamOutcome.Complete(Usage.of(122, 33)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_tool_calls.ndjson"));
    }

    @Test
    void thinkingGoesInMessageThinkingAndOutcomeUsageFillsTheCounts() {
        var stream = OllamaChatStream.create(codec, out, "qwen3");

        stream.accept(new StreamEvent.ReasoningDelta(0, "Let me think."));
        stream.accept(new StreamEvent.TextDelta(0, "42"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.LENGTH));
        stream.finish(new StreamOutcome.Complete(Usage.of(5, 2)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_thinking.ndjson"));
    }

    @Test
    void truncatedStreamEndsWithAnErrorLineAndNoDoneLine() {
        var stream = OllamaChatStream.create(codec, out, "llama3.2");

        stream.accept(new StreamEvent.TextDelta(0, "The answer is"));
        stream.finish(new StreamOutcome.Truncated(null, "upstream idle for 30s"));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_chat_truncated.ndjson")).doesNotContain("\"done\":true");
    }

    @Test
    void failedStreamEndsWithTheErrorMessage() {
        var stream = OllamaChatStream.create(codec, out, "llama3.2");

        stream.finish(new StreamOutcome.Failed(null, new ApiError.Unavailable("No upstream is available.")));

        assertThat(out.text()).isEqualTo("{\"error\":\"No upstream is available.\"}\n");
    }

    @Test
    void toolCallsWithoutAFinishEventAreSentBeforeTheDoneLine() {
        var stream = OllamaChatStream.create(codec, out, "m");

        stream.accept(new StreamEvent.ToolCallStart(0, 0, "c", "now"));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.flushes).hasSize(2);
        assertThat(Fixtures.parse(out.flushes.getFirst()).at("/message/tool_calls/0/function"))
                .isEqualTo(Fixtures.parse("{\"name\":\"now\",\"arguments\":{}}"));
        assertThat(Fixtures.parse(out.flushes.get(1)).get("done").asBoolean()).isTrue();
        assertThat(Fixtures.parse(out.flushes.get(1)).has("eval_count")).as("no usage known").isFalse();
    }

    @Test
    void malformedToolArgumentsEndTheStreamWithAnErrorInsteadOfAnInventedCall() {
        var stream = OllamaChatStream.create(codec, out, "m");

        stream.accept(new StreamEvent.ToolCallStart(0, 0, "c", "f"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"a\":"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.accept(new StreamEvent.TextDelta(0, "late"));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.flushes).hasSize(1);
        assertThat(Fixtures.parse(out.flushes.getFirst()).get("error").asText())
                .isEqualTo("The upstream returned arguments for tool 'f' that are not a JSON object.");
    }

    @Test
    void otherChoicesAreNotWritten() {
        var stream = OllamaChatStream.create(codec, out, "m");

        stream.accept(new StreamEvent.TextDelta(1, "other"));
        stream.accept(new StreamEvent.Finish(1, FinishReason.LENGTH));

        assertThat(out.flushes).isEmpty();
    }

    @Test
    void durationsAreWhatTheGatewayMeasured() {
        // Readings: creation (0 ms), first token (1 ms), the delta line (2 ms), the done line (3 ms).
        var stream = OllamaChatStream.create(OllamaCodec.create(Fixtures.stepping(1)), out, "m");

        stream.accept(new StreamEvent.TextDelta(0, "hi"));
        stream.finish(new StreamOutcome.Complete(Usage.of(3, 1)));

        var done = Fixtures.parse(out.flushes.get(1));
        assertThat(done.get("total_duration").asLong()).isEqualTo(3_000_000);
        assertThat(done.get("load_duration").asLong()).isZero();
        assertThat(done.get("prompt_eval_duration").asLong()).isEqualTo(1_000_000);
        assertThat(done.get("eval_duration").asLong()).isEqualTo(2_000_000);
        assertThat(done.get("created_at").asText()).isEqualTo("2024-07-22T20:33:28.126648Z");
    }

    @Test
    void flushesEveryLineWholeAndAtOnce() {
        var stream = OllamaChatStream.create(codec, out, "m");

        stream.accept(new StreamEvent.Start("c", "m", 1));
        assertThat(out.flushes).as("Start writes nothing in Ollama's format").isEmpty();
        stream.accept(new StreamEvent.TextDelta(0, "a"));
        assertThat(out.flushes).hasSize(1);
        stream.accept(new StreamEvent.TextDelta(0, "b"));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.flushes).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}\n")
                .containsOnlyOnce("\n"));
    }

    @Test
    void clientGoneWritesNothingAndFinishIsIdempotent() {
        var stream = OllamaChatStream.create(codec, out, "m");

        stream.finish(new StreamOutcome.ClientGone(null));
        stream.finish(new StreamOutcome.Complete(null));
        stream.accept(new StreamEvent.TextDelta(0, "late"));

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
        var stream = OllamaChatStream.create(codec, broken, "m");

        assertThatThrownBy(() -> stream.accept(new StreamEvent.TextDelta(0, "x")))
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
    }
}

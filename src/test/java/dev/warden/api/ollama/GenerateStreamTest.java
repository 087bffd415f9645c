package dev.warden.api.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import org.junit.jupiter.api.Test;

class GenerateStreamTest {
    private final OllamaCodec codec = Fixtures.codec();
    private final ChatStreamTest.FlushRecorder out = new ChatStreamTest.FlushRecorder();

    @Test
    void streamsResponseFragmentsThenTheDoneLine() {
        var stream = OllamaGenerateStream.create(codec, out, "llama3.2");

        stream.accept(new StreamEvent.Start("id", "llama3.2", 1));
        stream.accept(new StreamEvent.TextDelta(0, "The"));
        stream.accept(new StreamEvent.TextDelta(0, " sky"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.accept(new StreamEvent.UsageReport(Usage.of(26, 2), null));
        stream.finish(new StreamOutcome.Complete(Usage.of(26, 2)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_generate_text.ndjson"));
    }

    @Test
    void thinkingHasItsOwnFieldAndTruncationIsAnErrorLine() {
        var stream = OllamaGenerateStream.create(codec, out, "qwen3");

        stream.accept(new StreamEvent.ReasoningDelta(0, "hm"));
        stream.finish(new StreamOutcome.Truncated(Usage.of(1, 1), "cut"));
        stream.finish(new StreamOutcome.Complete(null));

        assertThat(out.flushes).hasSize(2);
        assertThat(Fixtures.parse(out.flushes.getFirst())).isEqualTo(Fixtures.parse("{\"model\":\"qwen3\","
                + "\"created_at\":\"2024-07-22T20:33:28.123648Z\",\"response\":\"\",\"thinking\":\"hm\",\"done\":false}"));
        assertThat(out.flushes.get(1)).isEqualTo("{\"error\":\"The upstream stream ended before it was complete.\"}\n");
    }
}

package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import org.junit.jupiter.api.Test;

class CompletionStreamTest {
    private final OpenAiCodec codec = OpenAiCodec.create();
    private final ChatStreamTest.FlushRecorder out = new ChatStreamTest.FlushRecorder();

    @Test
    void streamsLegacyCompletionWithUsage() {
        var stream = OpenAiCompletionStream.create(codec, out, true);

        stream.accept(new StreamEvent.Start("cmpl-1", "gpt-3.5-turbo-instruct", 1741570003));
        stream.accept(new StreamEvent.TextDelta(0, "Once"));
        stream.accept(new StreamEvent.TextDelta(0, " upon"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.LENGTH));
        stream.accept(new StreamEvent.UsageReport(Usage.of(4, 2), null));
        stream.finish(new StreamOutcome.Complete(Usage.of(4, 2)));

        assertThat(out.text()).isEqualTo(Fixtures.text("stream_completion_usage.sse"));
    }

    @Test
    void truncatedCompletionStreamEndsWithErrorAndNoDone() {
        var stream = OpenAiCompletionStream.create(codec, out, false);

        stream.accept(new StreamEvent.Start("cmpl-2", "m", 1));
        stream.accept(new StreamEvent.TextDelta(0, "x"));
        stream.finish(new StreamOutcome.Truncated(null, "eof"));

        assertThat(out.events()).hasSize(2);
        assertThat(out.events().get(1)).isEqualTo("data: {\"error\":{\"message\":\"The upstream stream ended before"
                + " it was complete.\",\"type\":\"upstream_error\",\"param\":null,\"code\":\"stream_truncated\"}}");
    }
}

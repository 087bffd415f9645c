package dev.warden.api.openai;

import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a streamed legacy completion as OpenAI's SSE of {@code text_completion} objects. One instance per
 * response; not thread-safe.
 */
public final class OpenAiCompletionStream implements StreamSink {
    private final ChunkWriter chunks;

    private OpenAiCompletionStream(ChunkWriter chunks) {
        this.chunks = chunks;
    }

    /** @param includeUsage the request's {@code stream_options.include_usage} */
    public static OpenAiCompletionStream create(OpenAiCodec codec, OutputStream out, boolean includeUsage) {
        return new OpenAiCompletionStream(new ChunkWriter(new SseChannel(codec, out), "text_completion",
                includeUsage));
    }

    @Override
    public void accept(StreamEvent event) {
        switch (event) {
            // Unlike chat, legacy completion streams have no opening chunk: the first text is the first event.
            case StreamEvent.Start s -> chunks.start(s);
            case StreamEvent.TextDelta d -> chunk(d.choice(), d.text(), null);
            case StreamEvent.Finish f -> chunk(f.choice(), "", f.reason());
            case StreamEvent.UsageReport u -> chunks.usage(u.usage(), null);
            // A text completion has no field for reasoning or tool calls; completion models produce neither.
            case StreamEvent.ReasoningDelta d -> { }
            case StreamEvent.ToolCallStart c -> { }
            case StreamEvent.ToolCallDelta d -> { }
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        chunks.finish(outcome);
    }

    private void chunk(int choice, String text, @Nullable FinishReason reason) {
        chunks.chunk(g -> {
            g.writeStringField("text", text);
            g.writeNumberField("index", choice);
            g.writeNullField("logprobs");
            UsageEncoder.finishReason(g, reason);
        });
    }
}

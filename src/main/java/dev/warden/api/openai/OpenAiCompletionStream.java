package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a streamed legacy completion as OpenAI's SSE of {@code text_completion} objects. One instance per
 * response; not thread-safe.
 */
public final class OpenAiCompletionStream implements StreamSink {

    private final SseChannel channel;
    private final boolean includeUsage;
    private String id = "";
    private String model = "";
    private long created;
    private boolean usageSent;
    private boolean finished;

    private OpenAiCompletionStream(SseChannel channel, boolean includeUsage) {
        this.channel = channel;
        this.includeUsage = includeUsage;
    }

    /** @param includeUsage the request's {@code stream_options.include_usage} */
    public static OpenAiCompletionStream create(OpenAiCodec codec, OutputStream out, boolean includeUsage) {
        return new OpenAiCompletionStream(new SseChannel(codec, out), includeUsage);
    }

    @Override
    public void accept(StreamEvent event) {
        switch (event) {
            case StreamEvent.Start s -> {
                // Unlike chat, legacy completion streams have no opening chunk: the first text is the first event.
                id = s.id();
                model = s.model();
                created = s.created();
            }
            case StreamEvent.TextDelta d -> chunk(d.choice(), d.text(), null);
            case StreamEvent.Finish f -> chunk(f.choice(), "", f.reason());
            case StreamEvent.UsageReport u -> {
                if (includeUsage) {
                    usageChunk(u.usage());
                }
            }
            // A text completion has no field for reasoning or tool calls; completion models produce neither.
            case StreamEvent.ReasoningDelta d -> { }
            case StreamEvent.ToolCallStart c -> { }
            case StreamEvent.ToolCallDelta d -> { }
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        StreamEnd.finish(channel, outcome, usageSent, includeUsage, this::usageChunk);
    }

    private void chunk(int choice, String text, @Nullable FinishReason reason) {
        channel.send(g -> {
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeStringField("text", text);
            g.writeNumberField("index", choice);
            g.writeNullField("logprobs");
            UsageEncoder.finishReason(g, reason);
            g.writeEndObject();
            g.writeEndArray();
            if (includeUsage) {
                g.writeNullField("usage");
            }
            g.writeEndObject();
        });
    }

    private void usageChunk(Usage usage) {
        usageSent = true;
        channel.send(g -> {
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            UsageEncoder.write(g, usage);
            g.writeEndObject();
        });
    }

    private void header(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("object", "text_completion");
        g.writeNumberField("created", created);
        g.writeStringField("model", model);
    }
}

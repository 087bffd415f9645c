package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.api.wire.JsonBody;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import java.io.IOException;
import java.io.OutputStream;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a streamed chat completion as OpenAI's SSE: one {@code chat.completion.chunk} per canonical event, each
 * flushed at once, then {@code [DONE]} or an error event. One instance per response; not thread-safe.
 */
public final class OpenAiChatStream implements StreamSink {

    public static final String CONTENT_TYPE = "text/event-stream";

    private final ChunkWriter chunks;
    /** Choices whose opening role chunk has been sent; OpenAI opens every choice with one. */
    private final BitSet opened = new BitSet();

    private OpenAiChatStream(ChunkWriter chunks) {
        this.chunks = chunks;
    }

    /** @param includeUsage the request's {@code stream_options.include_usage} */
    public static OpenAiChatStream create(OpenAiCodec codec, OutputStream out, boolean includeUsage) {
        return new OpenAiChatStream(new ChunkWriter(new SseChannel(codec, out), "chat.completion.chunk",
                includeUsage));
    }

    @Override
    public void accept(StreamEvent event) {
        switch (event) {
            case StreamEvent.Start s -> {
                chunks.start(s);
                open(0);
            }
            case StreamEvent.TextDelta d -> {
                open(d.choice());
                chunk(d.choice(), g -> g.writeStringField("content", d.text()), null);
            }
            case StreamEvent.ReasoningDelta d -> {
                // OpenAI's chunk has no field for a reasoning signature; only the text is relayed.
                if (!d.signatureOnly()) {
                    open(d.choice());
                    chunk(d.choice(), g -> g.writeStringField("reasoning_content", d.text()), null);
                }
            }
            case StreamEvent.ToolCallStart c -> {
                open(c.choice());
                chunk(c.choice(), g -> toolCall(g, c.index(), c.id(), c.name(), ""), null);
            }
            case StreamEvent.ToolCallDelta d -> {
                open(d.choice());
                chunk(d.choice(), g -> toolCall(g, d.index(), null, null, d.argumentsFragment()), null);
            }
            case StreamEvent.Finish f -> {
                open(f.choice());
                chunk(f.choice(), g -> { }, f.reason());
            }
            case StreamEvent.UsageReport u -> chunks.usage(u.usage(), u.systemFingerprint());
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        chunks.finish(outcome);
    }

    private void open(int choice) {
        if (!opened.get(choice)) {
            opened.set(choice);
            chunk(choice, g -> {
                g.writeStringField("role", "assistant");
                g.writeStringField("content", "");
            }, null);
        }
    }

    private void chunk(int choice, JsonBody delta, @Nullable FinishReason reason) {
        chunks.chunk(g -> {
            g.writeNumberField("index", choice);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
            g.writeNullField("logprobs");
            UsageEncoder.finishReason(g, reason);
        });
    }

    /** The first fragment of a call carries id, type and name; later ones only the index and arguments. */
    private static void toolCall(JsonGenerator g, int index, @Nullable String callId, @Nullable String name,
            String arguments) throws IOException {
        g.writeArrayFieldStart("tool_calls");
        g.writeStartObject();
        g.writeNumberField("index", index);
        if (callId != null) {
            g.writeStringField("id", callId);
            g.writeStringField("type", "function");
        }
        g.writeObjectFieldStart("function");
        if (name != null) {
            g.writeStringField("name", name);
        }
        g.writeStringField("arguments", arguments);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }
}

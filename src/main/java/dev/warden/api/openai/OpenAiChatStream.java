package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.api.wire.JsonBody;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
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

    private final SseChannel channel;
    private final boolean includeUsage;
    /** Choices whose opening role chunk has been sent; OpenAI opens every choice with one. */
    private final BitSet opened = new BitSet();
    // Until Start arrives (an upstream that fails first) chunks still carry the fields SDKs require.
    private String id = "";
    private String model = "";
    private long created;
    private boolean usageSent;
    private boolean finished;

    private OpenAiChatStream(SseChannel channel, boolean includeUsage) {
        this.channel = channel;
        this.includeUsage = includeUsage;
    }

    /** @param includeUsage the request's {@code stream_options.include_usage} */
    public static OpenAiChatStream create(OpenAiCodec codec, OutputStream out, boolean includeUsage) {
        return new OpenAiChatStream(new SseChannel(codec, out), includeUsage);
    }

    @Override
    public void accept(StreamEvent event) {
        switch (event) {
            case StreamEvent.Start s -> {
                id = s.id();
                model = s.model();
                created = s.created();
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
            case StreamEvent.UsageReport u -> {
                if (includeUsage) {
                    usageChunk(u.usage(), u.systemFingerprint());
                }
            }
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        StreamEnd.finish(channel, outcome, usageSent, includeUsage, usage -> usageChunk(usage, null));
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
        channel.send(g -> {
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", choice);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
            g.writeNullField("logprobs");
            UsageEncoder.finishReason(g, reason);
            g.writeEndObject();
            g.writeEndArray();
            if (includeUsage) {
                // OpenAI marks every chunk before the usage chunk with an explicit null.
                g.writeNullField("usage");
            }
            g.writeEndObject();
        });
    }

    private void usageChunk(Usage usage, @Nullable String systemFingerprint) {
        usageSent = true;
        channel.send(g -> {
            header(g);
            if (systemFingerprint != null) {
                g.writeStringField("system_fingerprint", systemFingerprint);
            }
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            UsageEncoder.write(g, usage);
            g.writeEndObject();
        });
    }

    private void header(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("object", "chat.completion.chunk");
        g.writeNumberField("created", created);
        g.writeStringField("model", model);
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

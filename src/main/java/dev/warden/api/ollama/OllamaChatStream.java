package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiException;
import dev.warden.llm.ContentPart;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a streamed {@code /api/chat} answer as Ollama's NDJSON ({@link OllamaCodec#STREAM_CONTENT_TYPE}): one
 * {@code done: false} line per text or thinking delta, one line with the whole tool calls once they are complete,
 * then a {@code done: true} line with the reason, token counts and the timings Warden measured, or an
 * {@code {"error": ...}} line when the stream broke. Each line is flushed at once. One instance per response; not
 * thread-safe.
 *
 * <p>Ollama answers have a single choice; events of other choices cannot be asked for in this dialect and are not
 * written.
 */
public final class OllamaChatStream implements StreamSink {

    private final StreamState state;
    private final ToolCallBuffer toolCalls = new ToolCallBuffer();

    private OllamaChatStream(StreamState state) {
        this.state = state;
    }

    /** @param model the model name the client asked for, which every line echoes as Ollama does */
    public static OllamaChatStream create(OllamaCodec codec, OutputStream out, String model) {
        return new OllamaChatStream(new StreamState(codec, new NdjsonChannel(codec, out), model));
    }

    @Override
    public void accept(StreamEvent event) {
        if (state.ended()) {
            return;
        }
        switch (event) {
            case StreamEvent.Start s -> { }
            case StreamEvent.TextDelta d -> {
                if (d.choice() == 0) {
                    state.tokenSeen();
                    state.line(g -> message(g, d.text(), null, List.of()));
                }
            }
            case StreamEvent.ReasoningDelta d -> {
                // Ollama's stream has no field for a reasoning signature; only the text is relayed.
                if (d.choice() == 0 && !d.signatureOnly()) {
                    state.tokenSeen();
                    state.line(g -> message(g, "", d.text(), List.of()));
                }
            }
            case StreamEvent.ToolCallStart c -> {
                if (c.choice() == 0) {
                    state.tokenSeen();
                    toolCalls.start(c);
                }
            }
            case StreamEvent.ToolCallDelta d -> {
                if (d.choice() == 0) {
                    toolCalls.delta(d);
                }
            }
            case StreamEvent.Finish f -> {
                if (f.choice() == 0) {
                    state.finishReason(f.reason());
                    flushToolCalls();
                }
            }
            case StreamEvent.UsageReport u -> state.usage(u.usage());
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        if (outcome instanceof StreamOutcome.Complete && !state.ended()) {
            // An upstream that ended without a finish event still completed its calls.
            flushToolCalls();
        }
        state.end(outcome, g -> message(g, "", null, List.of()));
    }

    private void flushToolCalls() {
        if (toolCalls.isEmpty() || state.ended()) {
            return;
        }
        List<ContentPart.ToolCall> calls = toolCalls.drain();
        try {
            state.line(g -> message(g, "", null, calls));
        } catch (ApiException e) {
            state.fail(e);
        }
    }

    private void message(JsonGenerator g, String content, @Nullable String thinking, List<ContentPart.ToolCall> calls)
            throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("role", "assistant");
        g.writeStringField("content", content);
        if (thinking != null) {
            g.writeStringField("thinking", thinking);
        }
        if (!calls.isEmpty()) {
            ToolCallWriter.write(g, state.codec().mapper(), calls);
        }
        g.writeEndObject();
    }
}

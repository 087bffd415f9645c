package dev.warden.api.ollama;

import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import java.io.OutputStream;

/**
 * Writes a streamed {@code /api/generate} answer as Ollama's NDJSON: one {@code done: false} line per text delta
 * ({@code response}) or thinking delta ({@code thinking}), then the {@code done: true} line or an
 * {@code {"error": ...}} line. Each line is flushed at once. One instance per response; not thread-safe.
 *
 * <p>A generate request carries no tools, so no upstream produces tool calls for it; there is no field for them.
 */
public final class OllamaGenerateStream implements StreamSink {

    private final StreamState state;

    private OllamaGenerateStream(StreamState state) {
        this.state = state;
    }

    /** @param model the model name the client asked for, which every line echoes as Ollama does */
    public static OllamaGenerateStream create(OllamaCodec codec, OutputStream out, String model) {
        return new OllamaGenerateStream(new StreamState(codec, new NdjsonChannel(codec, out), model));
    }

    @Override
    public void accept(StreamEvent event) {
        if (state.ended()) {
            return;
        }
        switch (event) {
            case StreamEvent.TextDelta d -> {
                if (d.choice() == 0) {
                    state.tokenSeen();
                    state.line(g -> g.writeStringField("response", d.text()));
                }
            }
            case StreamEvent.ReasoningDelta d -> {
                if (d.choice() == 0 && !d.signatureOnly()) {
                    state.tokenSeen();
                    state.line(g -> {
                        g.writeStringField("response", "");
                        g.writeStringField("thinking", d.text());
                    });
                }
            }
            case StreamEvent.Finish f -> {
                if (f.choice() == 0) {
                    state.finishReason(f.reason());
                }
            }
            case StreamEvent.UsageReport u -> state.usage(u.usage());
            case StreamEvent.Start s -> { }
            case StreamEvent.ToolCallStart c -> { }
            case StreamEvent.ToolCallDelta d -> { }
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        state.end(outcome, g -> g.writeStringField("response", ""));
    }
}

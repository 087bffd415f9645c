package dev.warden.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.Scrubber;
import dev.warden.provider.StreamPump;
import java.io.IOException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Ollama's NDJSON stream ({@code /api/chat} or {@code /api/generate}) → canonical {@link StreamEvent}s, as an explicit
 * state machine. Each line is one whole JSON object: text in {@code message.content} (chat) or {@code response}
 * (generate), reasoning in {@code thinking}, tool calls whole (Ollama parses them before sending, so a call's
 * arguments arrive in one piece), and a last object with {@code done: true} that carries the stop reason and counts.
 * Pure: lines in, sink calls and exactly one {@link StreamOutcome} out; reading the body and cancelling are the
 * caller's.
 *
 * <pre>
 *  AWAITING_START ──object──► STREAMING ──done:true──► ENDED (Complete)
 *        │                        │ ──{"error"}──────► ENDED (Failed)
 *        └─────────── end of body ───────────────────► ENDED (Truncated)
 * </pre>
 */
final class StreamDecoder implements StreamPump.Decoder<String> {
    static final String TRUNCATED = "The upstream stream ended before its final event.";
    static final String IDLE = "The upstream stream went silent for longer than the stream idle timeout.";
    static final String MALFORMED = "The upstream provider sent a malformed stream event.";

    enum State { AWAITING_START, STREAMING, ENDED }

    /** Where the two endpoints keep their text. */
    enum Endpoint { CHAT, GENERATE }

    private final StreamSink sink;
    private final Scrubber scrubber;
    private final Supplier<String> ids;
    private final Endpoint endpoint;
    private final long now;
    private State state = State.AWAITING_START;
    private int toolCalls;
    private @Nullable Usage usage;

    /** @param now unix seconds, for a stream whose objects lack {@code created_at} */
    StreamDecoder(StreamSink sink, Scrubber scrubber, Supplier<String> ids, Endpoint endpoint, long now) {
        this.sink = sink;
        this.scrubber = scrubber;
        this.ids = ids;
        this.endpoint = endpoint;
        this.now = now;
    }

    State state() {
        return state;
    }

    @Override
    public @Nullable Usage usage() {
        return usage;
    }

    /**
     * Feeds one line. Returns the outcome when this line ended the stream, else null.
     *
     * @throws dev.warden.llm.ClientGoneException from the sink, untouched: the caller cancels the upstream
     */
    @Override
    public @Nullable StreamOutcome accept(String line) {
        if (state == State.ENDED) {
            throw new IllegalStateException("stream already ended");
        }
        JsonNode object;
        try {
            object = ProviderJson.read(line);
        } catch (IOException e) {
            return fail(new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null));
        }
        if (object == null || !object.isObject()) {
            return fail(new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null));
        }
        if (object.has("error")) {
            return fail(ErrorWire.inStream(object, scrubber));
        }
        if (state == State.AWAITING_START) {
            state = State.STREAMING;
            sink.accept(new StreamEvent.Start(ids.get(), ProviderJson.text(object, "model", ""),
                    Timestamps.epochSeconds(object, "created_at", now)));
        }
        switch (endpoint) {
            case CHAT -> chat(object.path("message"));
            case GENERATE -> {
                reasoning(ProviderJson.text(object, "thinking"));
                text(ProviderJson.text(object, "response"));
            }
        }
        if (object.path("done").asBoolean(false)) {
            var finish = DoneWire.finishReason(object.get("done_reason"), toolCalls > 0);
            sink.accept(new StreamEvent.Finish(0, finish));
            usage = DoneWire.usage(object);
            sink.accept(new StreamEvent.UsageReport(usage, null));
            return end(new StreamOutcome.Complete(usage));
        }
        return null;
    }

    /** The body ended (or failed) before the {@code done: true} object. */
    @Override
    public StreamOutcome endOfBody(boolean idleTimedOut) {
        return end(new StreamOutcome.Truncated(usage, idleTimedOut ? IDLE : TRUNCATED));
    }

    private void chat(JsonNode message) {
        reasoning(ProviderJson.text(message, "thinking"));
        text(ProviderJson.text(message, "content"));
        for (var call : message.path("tool_calls")) {
            var parsed = ChatResponseWire.toolCall(call, ids);
            int index = toolCalls++;
            sink.accept(new StreamEvent.ToolCallStart(0, index, parsed.id(), parsed.name()));
            sink.accept(new StreamEvent.ToolCallDelta(0, index, parsed.arguments()));
        }
    }

    private void reasoning(@Nullable String text) {
        if (text != null && !text.isEmpty()) {
            sink.accept(new StreamEvent.ReasoningDelta(0, text));
        }
    }

    private void text(@Nullable String text) {
        if (text != null && !text.isEmpty()) {
            sink.accept(new StreamEvent.TextDelta(0, text));
        }
    }

    private StreamOutcome fail(ApiError error) {
        return end(new StreamOutcome.Failed(usage, error));
    }

    private StreamOutcome end(StreamOutcome outcome) {
        state = State.ENDED;
        return outcome;
    }
}

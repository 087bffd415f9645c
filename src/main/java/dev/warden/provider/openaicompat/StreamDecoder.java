package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.StreamPump;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI {@code chat.completion.chunk} (and {@code text_completion}) events → canonical {@link StreamEvent}s, as an
 * explicit state machine. It owns everything the stream has told so far (started, tool calls per choice, usage) and
 * reports exactly one {@link StreamOutcome}. Pure: SSE events in, sink calls and an outcome out; reading the body and
 * cancelling the upstream are the caller's.
 *
 * <pre>
 *  AWAITING_START ──chunk──► STREAMING ──[DONE]──► ENDED (Complete)
 *        │                       │ ──error event──► ENDED (Failed)
 *        └──────────── end of body ───────────────► ENDED (Truncated)
 * </pre>
 */
final class StreamDecoder implements StreamPump.Decoder<SseReader.Event> {
    static final String TRUNCATED = "The upstream stream ended before its final event.";
    static final String IDLE = "The upstream stream went silent for longer than the stream idle timeout.";
    static final String MALFORMED = "The upstream provider sent a malformed stream event.";

    enum State { AWAITING_START, STREAMING, ENDED }

    private final StreamSink sink;
    private final Scrubber scrubber;
    private State state = State.AWAITING_START;
    private @Nullable Usage usage;
    /** Per choice, the ids of the tool calls started so far, by tool call index. */
    private final Map<Integer, List<@Nullable String>> toolCalls = new HashMap<>(2);

    StreamDecoder(StreamSink sink, Scrubber scrubber) {
        this.sink = sink;
        this.scrubber = scrubber;
    }

    State state() {
        return state;
    }

    @Override
    public @Nullable Usage usage() {
        return usage;
    }

    /**
     * Feeds one event. Returns the outcome when this event ended the stream, else null.
     *
     * @throws dev.warden.llm.ClientGoneException from the sink, untouched: the caller cancels the upstream
     */
    @Override
    public @Nullable StreamOutcome accept(SseReader.Event event) {
        if (state == State.ENDED) {
            throw new IllegalStateException("stream already ended");
        }
        var data = event.data().strip();
        if (data.equals("[DONE]")) {
            return end(new StreamOutcome.Complete(usage));
        }
        if ("error".equals(event.event())) {
            return fail(ErrorWire.inStream(data, scrubber));
        }
        if (data.isEmpty()) {
            return null; // an empty keep-alive event carries nothing
        }
        JsonNode chunk;
        try {
            chunk = ProviderJson.read(data);
        } catch (IOException e) {
            return fail(new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null));
        }
        if (chunk.hasNonNull("error")) {
            return fail(ErrorWire.inStream(data, scrubber));
        }
        if (!chunk.isObject()) {
            return fail(new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null));
        }
        var choices = chunk.path("choices");
        if (state == State.AWAITING_START && (choices.size() > 0 || !ProviderJson.text(chunk, "id", "").isEmpty())) {
            start(chunk);
        }
        for (var choice : choices) {
            choice(choice);
        }
        var reported = UsageWire.fromWire(chunk.get("usage"));
        if (reported == null) {
            reported = UsageWire.fromWire(chunk.path("x_groq").get("usage"));
        }
        if (reported != null) {
            start(chunk);
            usage = reported;
            sink.accept(new StreamEvent.UsageReport(reported, ProviderJson.text(chunk, "system_fingerprint")));
        }
        return null;
    }

    /** The body ended (or failed) before {@code [DONE]}. */
    @Override
    public StreamOutcome endOfBody(boolean idleTimedOut) {
        return end(new StreamOutcome.Truncated(usage, idleTimedOut ? IDLE : TRUNCATED));
    }

    private void start(JsonNode chunk) {
        if (state == State.AWAITING_START) {
            state = State.STREAMING;
            sink.accept(new StreamEvent.Start(ProviderJson.text(chunk, "id", ""), ProviderJson.text(chunk, "model", ""),
                    ProviderJson.longValue(chunk, "created")));
        }
    }

    private void choice(JsonNode choice) {
        int index = choice.path("index").asInt(0);
        var delta = choice.get("delta");
        if (delta != null && delta.isObject()) {
            var reasoning = ProviderJson.text(delta, "reasoning_content");
            if (reasoning == null) {
                reasoning = ProviderJson.text(delta, "reasoning");
            }
            if (reasoning != null && !reasoning.isEmpty()) {
                sink.accept(new StreamEvent.ReasoningDelta(index, reasoning));
            }
            text(index, ProviderJson.text(delta, "content"));
            text(index, ProviderJson.text(delta, "refusal"));
            for (var call : delta.path("tool_calls")) {
                toolCall(index, call);
            }
        } else {
            text(index, ProviderJson.text(choice, "text")); // text_completion chunks
        }
        var reason = choice.get("finish_reason");
        if (reason != null && !reason.isNull()) {
            FinishReason mapped = UsageWire.finishReason(reason);
            sink.accept(new StreamEvent.Finish(index, mapped == null ? FinishReason.STOP : mapped));
        }
    }

    private void text(int choice, @Nullable String text) {
        if (text != null && !text.isEmpty()) {
            sink.accept(new StreamEvent.TextDelta(choice, text));
        }
    }

    /**
     * The first entry for a call carries its id and name, later ones only argument fragments. Servers that omit
     * {@code index} number calls by arrival; servers that repeat the id on every entry do not restart the call.
     */
    private void toolCall(int choice, JsonNode entry) {
        List<@Nullable String> started = toolCalls.computeIfAbsent(choice, c -> new ArrayList<>(2));
        var id = ProviderJson.text(entry, "id");
        var function = entry.path("function");
        int index;
        if (entry.path("index").isInt()) {
            index = entry.get("index").asInt();
        } else if (id != null && !id.isEmpty()) {
            int known = started.indexOf(id);
            index = known >= 0 ? known : started.size();
        } else {
            index = Math.max(0, started.size() - 1);
        }
        if (index >= started.size() || started.get(index) == null) {
            var callId = id == null || id.isEmpty() ? "call_" + choice + "_" + index : id;
            while (started.size() <= index) {
                started.add(null);
            }
            started.set(index, callId);
            sink.accept(new StreamEvent.ToolCallStart(choice, index, callId, ProviderJson.text(function, "name", "")));
        }
        var arguments = ChatResponseWire.argumentsText(function.get("arguments"));
        if (!arguments.isEmpty()) {
            sink.accept(new StreamEvent.ToolCallDelta(choice, index, arguments));
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

package dev.warden.provider.gemini;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code streamGenerateContent?alt=sse} events → canonical {@link StreamEvent}s, as an explicit state machine. Each
 * SSE event is a whole {@code GenerateContentResponse} chunk; Gemini has no terminal event, so the stream counts as
 * complete when the body ends after every candidate seen has reported a finish reason (or the prompt was blocked).
 * Gemini sends each function call whole, so a call becomes one ToolCallStart and one ToolCallDelta with all of its
 * arguments. Usage comes with the chunks, cumulatively; the last one seen is reported once, at the end.
 *
 * <pre>
 *  AWAITING_START ──chunk──► STREAMING ──every candidate finished──► FINISHED ──end of body──► ENDED (Complete)
 *        │                       │ ──error chunk──► ENDED (Failed)          (more chunks: usage only)
 *        └────── end of body ────┴────────────────────────────────────────────────────────► ENDED (Truncated)
 * </pre>
 */
final class StreamDecoder implements StreamPump.Decoder<SseReader.Event> {
    static final String TRUNCATED = "The upstream stream ended before a finish reason.";
    static final String IDLE = "The upstream stream went silent for longer than the stream idle timeout.";
    static final String MALFORMED = "The upstream provider sent a malformed stream event.";

    enum State { AWAITING_START, STREAMING, FINISHED, ENDED }

    private final StreamSink sink;
    private final Scrubber scrubber;
    private final Supplier<String> ids;
    private final String requestModel;
    private final long created;
    private final Instant now;
    private State state = State.AWAITING_START;
    private @Nullable Usage usage;
    /** Per candidate: how many tool calls it has started (the next call's index). */
    private final Map<Integer, Integer> toolCalls = new HashMap<>(2);
    private final Set<Integer> seen = new HashSet<>(2);
    private final Set<Integer> finished = new HashSet<>(2);

    StreamDecoder(StreamSink sink, Scrubber scrubber, Supplier<String> ids, String requestModel, Instant now) {
        this.sink = sink;
        this.scrubber = scrubber;
        this.ids = ids;
        this.requestModel = requestModel;
        this.now = now;
        this.created = now.getEpochSecond();
    }

    State state() {
        return state;
    }

    @Override
    public @Nullable Usage usage() {
        return usage;
    }

    /**
     * Feeds one event; returns the outcome when it ended the stream (an error), else null.
     *
     * @throws dev.warden.llm.ClientGoneException from the sink, untouched: the caller cancels the upstream
     */
    @Override
    public @Nullable StreamOutcome accept(SseReader.Event event) {
        if (state == State.ENDED) {
            throw new IllegalStateException("stream already ended");
        }
        var data = event.data().strip();
        if (data.isEmpty()) {
            return null; // an empty keep-alive event carries nothing
        }
        JsonNode chunk;
        try {
            chunk = ProviderJson.read(data);
        } catch (IOException e) {
            return fail(new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null));
        }
        if (chunk == null || !chunk.isObject()) {
            return fail(new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null));
        }
        if (chunk.has("error")) {
            return fail(ErrorWire.inStream(chunk, now, scrubber));
        }
        start(chunk);
        var candidates = chunk.path("candidates");
        for (var candidate : candidates) {
            candidate(candidate);
        }
        if (candidates.isEmpty() && ChatResponseWire.blocked(chunk) && seen.isEmpty()) {
            seen.add(0);
            finished.add(0);
            sink.accept(new StreamEvent.Finish(0, FinishReason.CONTENT_FILTER));
        }
        // Candidates may finish at different chunks (candidateCount > 1); finished means all that were seen.
        state = !seen.isEmpty() && finished.containsAll(seen) ? State.FINISHED : State.STREAMING;
        var reported = UsageWire.fromWire(chunk.get("usageMetadata"));
        if (reported != null) {
            usage = reported;
        }
        return null;
    }

    /** The body ended (or broke off): complete only if every candidate had finished. */
    @Override
    public StreamOutcome endOfBody(boolean idleTimedOut) {
        if (state == State.FINISHED && !idleTimedOut) {
            if (usage != null) {
                sink.accept(new StreamEvent.UsageReport(usage, null));
            }
            return end(new StreamOutcome.Complete(usage));
        }
        return end(new StreamOutcome.Truncated(usage, idleTimedOut ? IDLE : TRUNCATED));
    }

    private void start(JsonNode chunk) {
        if (state == State.AWAITING_START) {
            state = State.STREAMING;
            var meta = ChatResponseWire.Meta.of(chunk, requestModel, ids);
            sink.accept(new StreamEvent.Start(meta.id(), meta.model(), created));
        }
    }

    private void candidate(JsonNode candidate) {
        int choice = candidate.path("index").asInt(0);
        seen.add(choice);
        for (var part : candidate.path("content").path("parts")) {
            var text = ProviderJson.text(part, "text");
            var signature = ProviderJson.text(part, "thoughtSignature");
            boolean thought = part.path("thought").asBoolean(false);
            if (signature != null && !signature.isEmpty() && !thought) {
                // As in whole answers: a signature on a non-thought part travels as reasoning just before it, so a
                // client that sends the reasoning back lets the next turn reattach it (Gemini 3 requires it).
                sink.accept(new StreamEvent.ReasoningDelta(choice, "", signature));
            }
            if (thought) {
                if (text != null && !text.isEmpty()) {
                    sink.accept(new StreamEvent.ReasoningDelta(choice, text));
                }
                if (signature != null && !signature.isEmpty()) {
                    sink.accept(new StreamEvent.ReasoningDelta(choice, "", signature));
                }
            } else if (text != null) {
                if (!text.isEmpty()) {
                    sink.accept(new StreamEvent.TextDelta(choice, text));
                }
            } else if (part.path("functionCall").isObject()) {
                var call = ChatResponseWire.toolCall(part.get("functionCall"), ids);
                int index = toolCalls.merge(choice, 1, Integer::sum) - 1;
                sink.accept(new StreamEvent.ToolCallStart(choice, index, call.id(), call.name()));
                sink.accept(new StreamEvent.ToolCallDelta(choice, index, call.arguments()));
            }
        }
        var reason = UsageWire.finishReason(candidate.get("finishReason"), toolCalls.containsKey(choice));
        if (reason != null && finished.add(choice)) {
            sink.accept(new StreamEvent.Finish(choice, reason));
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

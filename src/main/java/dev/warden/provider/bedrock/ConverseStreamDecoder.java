package dev.warden.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.Scrubber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ConverseStream eventstream frames → canonical {@link StreamEvent}s, as an explicit state machine that owns what
 * the stream has told so far and reports exactly one {@link StreamOutcome}. Pure: frames in, sink calls and an
 * outcome out; reading the body and cancelling the upstream are the caller's.
 *
 * <pre>
 *  AWAITING_START ─messageStart─► STREAMING ─messageStop─► STOPPED ─metadata─► ENDED (Complete)
 *        │                           │                        └── end of body ► ENDED (Complete, usage unknown)
 *        │                           └── end of body ───────────────────────────► ENDED (Truncated)
 *        └───────────── exception frame, corrupt frame (any state) ─────────────► ENDED (Failed)
 * </pre>
 *
 * Content blocks are numbered by Bedrock ({@code contentBlockIndex}) across text and tools alike; tool calls are
 * numbered from 0 among themselves, as the canonical events want. Reasoning signatures arrive as their own deltas
 * and have no canonical stream event, so only reasoning text is streamed.
 */
final class ConverseStreamDecoder {
    static final String TRUNCATED = "The upstream stream ended before its final event.";
    static final String IDLE = "The upstream stream went silent for longer than the stream idle timeout.";
    static final String MALFORMED = "The upstream provider sent a malformed stream event.";

    enum State { AWAITING_START, STREAMING, STOPPED, ENDED }

    private final StreamSink sink;
    private final Scrubber scrubber;
    private final String id;
    private final String model;
    private final long created;
    private final @Nullable String jsonTool;
    private State state = State.AWAITING_START;
    private @Nullable Usage usage;
    /** Bedrock's content block index → canonical tool call index. */
    private final Map<Integer, Integer> toolIndex = new HashMap<>(4);
    /** Content blocks that are the forced JSON tool: their input is the answer text. */
    private final Set<Integer> jsonBlocks = new HashSet<>(2);

    /**
     * @param id the answer id ({@code x-amzn-requestid}); Bedrock's events carry none
     * @param jsonTool the forced JSON tool's name when response_format was asked for, else null
     */
    ConverseStreamDecoder(StreamSink sink, Scrubber scrubber, String id, String model, long created,
            @Nullable String jsonTool) {
        this.sink = sink;
        this.scrubber = scrubber;
        this.id = id;
        this.model = model;
        this.created = created;
        this.jsonTool = jsonTool;
    }

    State state() {
        return state;
    }

    @Nullable Usage usage() {
        return usage;
    }

    /**
     * Feeds one frame. Returns the outcome when this frame ended the stream, else null.
     *
     * @throws dev.warden.llm.ClientGoneException from the sink, untouched: the caller cancels the upstream
     */
    @Nullable StreamOutcome accept(EventFrame frame) {
        if (state == State.ENDED) {
            throw new IllegalStateException("stream already ended");
        }
        var messageType = frame.header(":message-type");
        if ("exception".equals(messageType)) {
            return fail(ErrorWire.inStream(frame.header(":exception-type"), frame.payload(), scrubber));
        }
        if ("error".equals(messageType)) {
            var body = ProviderJson.NODES.objectNode().put("message", frame.header(":error-message")).toString();
            return fail(ErrorWire.inStream(frame.header(":error-code"), body.getBytes(StandardCharsets.UTF_8),
                    scrubber));
        }
        var eventType = frame.header(":event-type");
        if (eventType == null) {
            return null; // nothing Converse documents; a future frame kind is not an error
        }
        JsonNode event;
        try {
            event = frame.payload().length == 0 ? ProviderJson.NODES.objectNode() : ProviderJson.read(frame.payload());
        } catch (IOException e) {
            return fail(malformed());
        }
        if (event == null || !event.isObject()) {
            return fail(malformed());
        }
        return switch (eventType) {
            case "messageStart" -> {
                start();
                yield null;
            }
            case "contentBlockStart" -> {
                blockStart(event);
                yield null;
            }
            case "contentBlockDelta" -> {
                delta(event);
                yield null;
            }
            case "messageStop" -> {
                start();
                messageStop(event);
                yield null;
            }
            case "metadata" -> metadata(event);
            default -> null; // contentBlockStop and anything newer carry nothing canonical
        };
    }

    /** The body ended before the stream's final event (or the connection was idle too long). */
    StreamOutcome endOfBody(boolean idleTimedOut) {
        if (state == State.STOPPED) {
            // The answer and its finish arrived; only the usage report is missing.
            return end(new StreamOutcome.Complete(usage));
        }
        return end(new StreamOutcome.Truncated(usage, idleTimedOut ? IDLE : TRUNCATED));
    }

    /** The framing itself broke: a cut inside a frame is a truncation, a corrupt frame a failure. */
    StreamOutcome broken(EventStreamException e) {
        if (e.truncated()) {
            return endOfBody(false);
        }
        return fail(new ApiError.Upstream(502, "The upstream provider sent a corrupt stream: " + e.getMessage(),
                "upstream_error", null, "upstream_malformed_stream", null));
    }

    private void start() {
        if (state == State.AWAITING_START) {
            state = State.STREAMING;
            sink.accept(new StreamEvent.Start(id, model, created));
        }
    }

    private void blockStart(JsonNode event) {
        start();
        var use = event.path("start").path("toolUse");
        if (!use.isObject()) {
            return;
        }
        int block = event.path("contentBlockIndex").asInt(0);
        var name = ProviderJson.text(use, "name");
        if (jsonTool != null && jsonTool.equals(name)) {
            jsonBlocks.add(block);
            return;
        }
        int index = toolIndex.size();
        toolIndex.put(block, index);
        var toolUseId = ProviderJson.text(use, "toolUseId");
        sink.accept(new StreamEvent.ToolCallStart(0, index, toolUseId == null ? "call_" + index : toolUseId,
                name == null ? "" : name));
    }

    private void delta(JsonNode event) {
        start();
        int block = event.path("contentBlockIndex").asInt(0);
        var delta = event.path("delta");
        var text = ProviderJson.text(delta, "text");
        if (text != null && !text.isEmpty()) {
            sink.accept(new StreamEvent.TextDelta(0, text));
        }
        var input = ProviderJson.text(delta.path("toolUse"), "input");
        if (input != null && !input.isEmpty()) {
            if (jsonBlocks.contains(block)) {
                sink.accept(new StreamEvent.TextDelta(0, input));
            } else {
                Integer index = toolIndex.get(block);
                if (index != null) {
                    sink.accept(new StreamEvent.ToolCallDelta(0, index, input));
                }
            }
        }
        var reasoning = ProviderJson.text(delta.path("reasoningContent"), "text");
        if (reasoning != null && !reasoning.isEmpty()) {
            sink.accept(new StreamEvent.ReasoningDelta(0, reasoning));
        }
    }

    private void messageStop(JsonNode event) {
        var reason = UsageWire.finishReason(ProviderJson.text(event, "stopReason"));
        if (reason == FinishReason.TOOL_CALLS && !jsonBlocks.isEmpty() && toolIndex.isEmpty()) {
            reason = FinishReason.STOP; // the forced JSON tool answered: to the client that is a plain answer
        }
        state = State.STOPPED;
        sink.accept(new StreamEvent.Finish(0, reason));
    }

    private @Nullable StreamOutcome metadata(JsonNode event) {
        var reported = UsageWire.fromWire(event.get("usage"));
        if (reported != null) {
            start();
            usage = reported;
            sink.accept(new StreamEvent.UsageReport(reported, null));
        }
        return state == State.STOPPED ? end(new StreamOutcome.Complete(usage)) : null;
    }

    private static ApiError.Upstream malformed() {
        return new ApiError.Upstream(502, MALFORMED, "upstream_error", null, "upstream_malformed_stream", null);
    }

    private StreamOutcome fail(ApiError error) {
        return end(new StreamOutcome.Failed(usage, error));
    }

    private StreamOutcome end(StreamOutcome outcome) {
        state = State.ENDED;
        return outcome;
    }
}

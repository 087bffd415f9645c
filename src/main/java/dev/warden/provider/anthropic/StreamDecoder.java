package dev.warden.provider.anthropic;

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
 * Anthropic's streaming events → canonical {@link StreamEvent}s, as an explicit state machine. It owns what the
 * stream has told so far (the open content blocks, tool call numbering, usage counters, thinking signatures) and
 * reports exactly one {@link StreamOutcome}. Pure: SSE events in, sink calls and an outcome out; reading the body
 * and cancelling the upstream are the caller's.
 *
 * <pre>
 *  AWAITING_START ──message_start──► IN_MESSAGE ──message_stop──► ENDED (UsageReport, Complete)
 *        │                               │ ──event: error─────► ENDED (Failed)
 *        └─────────────── end of body ───┴───────────────────► ENDED (Truncated)
 * </pre>
 * Inside IN_MESSAGE each content block is opened by content_block_start, fed by content_block_delta and closed by
 * content_block_stop; message_delta carries the stop reason (→ Finish) and cumulative usage. ping is ignored, as are
 * event types added later (Anthropic's versioning policy says new ones may appear).
 */
final class StreamDecoder implements StreamPump.Decoder<SseReader.Event> {
    static final String TRUNCATED = "The upstream stream ended before its final event.";
    static final String IDLE = "The upstream stream went silent for longer than the stream idle timeout.";
    static final String MALFORMED = "The upstream provider sent a malformed stream event.";

    enum State { AWAITING_START, IN_MESSAGE, ENDED }

    /** What an open content block is, so its deltas go to the right canonical event. */
    private sealed interface Block {
        record Text() implements Block {}

        record ToolUse(int toolIndex) implements Block {}

        /** The forced tool of emulated JSON mode: its input is the answer text. */
        record JsonAnswer() implements Block {}

        /** {@code slot} is this block's place in the signature list. */
        record Thinking(int slot, StringBuilder signature) implements Block {}

        /** Redacted thinking, server tool blocks, and block types added later: no canonical delta. */
        record Other() implements Block {}
    }

    private final StreamSink sink;
    private final Scrubber scrubber;
    private final boolean jsonMode;
    private final long created;
    private State state = State.AWAITING_START;
    private final Map<Integer, Block> blocks = new HashMap<>(4);
    private int toolCalls;
    private UsageWire.Counts counts = UsageWire.NONE;
    private final List<String> signatures = new ArrayList<>(1);

    /**
     * @param jsonMode whether JSON output was emulated with the forced tool
     * @param created unix seconds to stamp on {@link StreamEvent.Start} (Anthropic does not report one)
     */
    StreamDecoder(StreamSink sink, Scrubber scrubber, boolean jsonMode, long created) {
        this.sink = sink;
        this.scrubber = scrubber;
        this.jsonMode = jsonMode;
        this.created = created;
    }

    State state() {
        return state;
    }

    /** Usage so far; null before message_start. */
    @Override
    public @Nullable Usage usage() {
        return state == State.AWAITING_START ? null : counts.toUsage();
    }

    /**
     * The signatures of the thinking blocks seen, in order. Kept because they must round-trip to Anthropic, though
     * the canonical stream has no event for them yet (proposed: a signature on the reasoning events).
     */
    List<String> thinkingSignatures() {
        return List.copyOf(signatures);
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
        if (data.isEmpty()) {
            return null;
        }
        JsonNode node;
        try {
            node = ProviderJson.read(data);
        } catch (IOException e) {
            return malformed();
        }
        if (node == null || !node.isObject()) {
            return malformed();
        }
        var type = ProviderJson.text(node, "type", event.event() == null ? "" : event.event());
        return switch (type) {
            case "ping" -> null;
            case "error" -> end(new StreamOutcome.Failed(usage(), ErrorWire.inStream(node, scrubber)));
            case "message_start" -> messageStart(node);
            case "content_block_start", "content_block_delta", "content_block_stop", "message_delta",
                    "message_stop" -> state == State.AWAITING_START ? malformed() : inMessage(type, node);
            default -> null;
        };
    }

    /** The body ended (or failed) before message_stop. */
    @Override
    public StreamOutcome endOfBody(boolean idleTimedOut) {
        return end(new StreamOutcome.Truncated(usage(), idleTimedOut ? IDLE : TRUNCATED));
    }

    private @Nullable StreamOutcome messageStart(JsonNode node) {
        if (state != State.AWAITING_START) {
            return malformed();
        }
        var message = node.path("message");
        state = State.IN_MESSAGE;
        counts = counts.update(message.get("usage"));
        sink.accept(new StreamEvent.Start(ProviderJson.text(message, "id", ""), ProviderJson.text(message, "model", ""),
                created));
        return null;
    }

    private @Nullable StreamOutcome inMessage(String type, JsonNode node) {
        switch (type) {
            case "content_block_start" -> blockStart(node.path("index").asInt(), node.path("content_block"));
            case "content_block_delta" -> {
                var block = blocks.get(node.path("index").asInt());
                if (block == null) {
                    return malformed(); // a delta for a block that was never started
                }
                delta(block, node.path("delta"));
            }
            case "content_block_stop" -> blocks.remove(node.path("index").asInt());
            case "message_delta" -> {
                counts = counts.update(node.get("usage"));
                FinishReason reason = UsageWire.stopReason(node.path("delta").get("stop_reason"), jsonMode);
                if (reason != null) {
                    sink.accept(new StreamEvent.Finish(0, reason));
                }
            }
            default -> { // message_stop
                var usage = counts.toUsage();
                sink.accept(new StreamEvent.UsageReport(usage, null));
                return end(new StreamOutcome.Complete(usage));
            }
        }
        return null;
    }

    private void blockStart(int index, JsonNode content) {
        Block block = switch (ProviderJson.text(content, "type", "")) {
            case "text" -> {
                text(ProviderJson.text(content, "text", ""));
                yield new Block.Text();
            }
            case "tool_use" -> {
                var name = ProviderJson.text(content, "name", "");
                if (jsonMode && name.equals(ToolsWire.JSON_TOOL)) {
                    yield new Block.JsonAnswer();
                }
                int toolIndex = toolCalls++;
                sink.accept(new StreamEvent.ToolCallStart(0, toolIndex, ProviderJson.text(content, "id", ""), name));
                yield new Block.ToolUse(toolIndex);
            }
            case "thinking" -> {
                reasoning(ProviderJson.text(content, "thinking", ""));
                var signature = new StringBuilder(ProviderJson.text(content, "signature", ""));
                signatures.add(signature.toString());
                yield new Block.Thinking(signatures.size() - 1, signature);
            }
            default -> new Block.Other();
        };
        blocks.put(index, block);
    }

    private void delta(Block block, JsonNode delta) {
        switch (block) {
            case Block.Text t -> text(ProviderJson.text(delta, "text", ""));
            case Block.ToolUse(var toolIndex) -> {
                var fragment = ProviderJson.text(delta, "partial_json", "");
                if (!fragment.isEmpty()) {
                    sink.accept(new StreamEvent.ToolCallDelta(0, toolIndex, fragment));
                }
            }
            case Block.JsonAnswer j -> text(ProviderJson.text(delta, "partial_json", ""));
            case Block.Thinking(var slot, var signature) -> {
                if ("signature_delta".equals(ProviderJson.text(delta, "type"))) {
                    var piece = ProviderJson.text(delta, "signature", "");
                    signature.append(piece);
                    signatures.set(slot, signature.toString());
                    if (!piece.isEmpty()) {
                        sink.accept(new StreamEvent.ReasoningDelta(0, "", piece));
                    }
                } else {
                    reasoning(ProviderJson.text(delta, "thinking", ""));
                }
            }
            case Block.Other o -> { }
        }
    }

    private void text(String text) {
        if (!text.isEmpty()) {
            sink.accept(new StreamEvent.TextDelta(0, text));
        }
    }

    private void reasoning(String text) {
        if (!text.isEmpty()) {
            sink.accept(new StreamEvent.ReasoningDelta(0, text));
        }
    }

    private StreamOutcome malformed() {
        return end(new StreamOutcome.Failed(usage(),
                new ApiError.Upstream(502, MALFORMED, "upstream_error", null, null, null)));
    }

    private StreamOutcome end(StreamOutcome outcome) {
        state = State.ENDED;
        return outcome;
    }
}

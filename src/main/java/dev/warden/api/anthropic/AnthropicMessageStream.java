package dev.warden.api.anthropic;

import dev.warden.api.wire.JsonBody;
import dev.warden.llm.ApiError;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a streamed answer as the Messages API's named-event SSE: {@code message_start}, then content blocks
 * ({@code content_block_start}, {@code content_block_delta}..., {@code content_block_stop}) numbered from 0, then
 * {@code message_delta} with the stop reason and usage and {@code message_stop}; or an {@code error} event and no
 * {@code message_stop} when the stream broke, which is how the SDKs tell a broken answer from a whole one. One
 * instance per response; not thread-safe.
 *
 * <p>Blocks cannot interleave on this wire, but canonical tool-call deltas may (a fragment of call 0 after call 1
 * began). A call's block therefore stays open until its arguments form a complete JSON value; calls that start
 * meanwhile are buffered and written, in order, as soon as the open one completes (or at the next text, reasoning
 * or finish). Sequential calls, what upstreams send in practice, stream without delay.
 *
 * <p>Anthropic-dialect requests have one choice; events for another choice cannot occur and are ignored.
 */
public final class AnthropicMessageStream implements StreamSink {

    public static final String CONTENT_TYPE = "text/event-stream";

    static final String TRUNCATED_MESSAGE = "The upstream stream ended before it was complete.";

    private enum Kind { TEXT, THINKING, TOOL }

    /** A call that started while another call's block was open and unfinished. */
    private record Pending(String id, String name, StringBuilder arguments) {}

    private final SseChannel channel;
    private final Map<Integer, Pending> pending = new LinkedHashMap<>();
    private @Nullable Kind open;
    private int openTool = -1;
    private JsonCompleteness openArguments = new JsonCompleteness();
    private int nextIndex;
    private String id = "";
    private String model = "";
    private boolean started;
    private boolean finished;
    private @Nullable FinishReason stopReason;
    private @Nullable Usage usage;

    private AnthropicMessageStream(SseChannel channel) {
        this.channel = channel;
    }

    public static AnthropicMessageStream create(AnthropicCodec codec, OutputStream out) {
        return new AnthropicMessageStream(new SseChannel(codec, out));
    }

    @Override
    public void accept(StreamEvent event) {
        switch (event) {
            case StreamEvent.Start s -> {
                id = s.id();
                model = s.model();
                start();
            }
            case StreamEvent.TextDelta d -> {
                if (d.choice() == 0) {
                    delta(Kind.TEXT, "text_delta", "text", d.text());
                }
            }
            case StreamEvent.ReasoningDelta d -> {
                if (d.choice() == 0 && d.signatureOnly()) {
                    delta(Kind.THINKING, "signature_delta", "signature", d.signature());
                } else if (d.choice() == 0) {
                    delta(Kind.THINKING, "thinking_delta", "thinking", d.text());
                }
            }
            case StreamEvent.ToolCallStart c -> {
                if (c.choice() == 0) {
                    toolStart(c.index(), c.id(), c.name());
                }
            }
            case StreamEvent.ToolCallDelta d -> {
                if (d.choice() == 0) {
                    toolDelta(d.index(), d.argumentsFragment());
                }
            }
            case StreamEvent.Finish f -> {
                if (f.choice() == 0) {
                    start();
                    closeAll();
                    stopReason = f.reason();
                }
            }
            case StreamEvent.UsageReport u -> usage = u.usage();
        }
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    public void finish(StreamOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        switch (outcome) {
            case StreamOutcome.Complete c -> {
                start();
                closeAll();
                Usage total = c.usage() != null ? c.usage() : usage;
                channel.send("message_delta", g -> MessageEncoder.messageDelta(g, stopReason, total));
                channel.send("message_stop", g -> {
                    g.writeStartObject();
                    g.writeStringField("type", "message_stop");
                    g.writeEndObject();
                });
            }
            case StreamOutcome.Truncated t -> error(new ApiError.Upstream(502, TRUNCATED_MESSAGE, "api_error", null,
                    "stream_truncated", null));
            case StreamOutcome.Failed f -> error(f.error());
            case StreamOutcome.ClientGone g -> { }
        }
    }

    /** message_start, once: at Start, or before the first other event if an upstream skipped Start. */
    private void start() {
        if (started) {
            return;
        }
        started = true;
        channel.send("message_start", g -> MessageEncoder.messageStart(g, WireNames.messageId(id), model));
    }

    private void delta(Kind kind, String deltaType, String field, String text) {
        start();
        if (open != kind) {
            closeAll();
            open(kind, g -> {
                g.writeStringField("type", kind == Kind.TEXT ? "text" : "thinking");
                g.writeStringField(kind == Kind.TEXT ? "text" : "thinking", "");
                if (kind == Kind.THINKING) {
                    // The signature follows as a signature_delta, as Anthropic streams it; the SDKs require the field.
                    g.writeStringField("signature", "");
                }
            });
        }
        int index = nextIndex - 1;
        channel.send("content_block_delta", g -> {
            g.writeStartObject();
            g.writeStringField("type", "content_block_delta");
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("delta");
            g.writeStringField("type", deltaType);
            g.writeStringField(field, text);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void toolStart(int tool, String callId, String name) {
        start();
        if (open == Kind.TOOL && !openArguments.complete()) {
            pending.put(tool, new Pending(callId, name, new StringBuilder()));
            return;
        }
        closeAll();
        openTool(tool, callId, name);
    }

    private void toolDelta(int tool, String fragment) {
        if (open == Kind.TOOL && openTool == tool) {
            arguments(fragment);
            if (openArguments.complete()) {
                promotePending();
            }
            return;
        }
        Pending later = pending.get(tool);
        if (later != null) {
            later.arguments().append(fragment);
        }
        // Otherwise the call's block is closed (or never started): valid arguments have nothing after their
        // closing bracket but whitespace, so a well-formed stream loses nothing here.
    }

    /** The open call is complete: the buffered calls follow, each streamed live if its arguments are unfinished. */
    private void promotePending() {
        while (!pending.isEmpty() && openArguments.complete()) {
            closeBlock();
            openFirstPending();
        }
    }

    private void openFirstPending() {
        var first = pending.entrySet().iterator().next();
        pending.remove(first.getKey());
        Pending call = first.getValue();
        openTool(first.getKey(), call.id(), call.name());
        if (!call.arguments().isEmpty()) {
            arguments(call.arguments().toString());
        }
    }

    private void openTool(int tool, String callId, String name) {
        openTool = tool;
        openArguments = new JsonCompleteness();
        open(Kind.TOOL, g -> {
            g.writeStringField("type", "tool_use");
            g.writeStringField("id", callId);
            g.writeStringField("name", name);
            g.writeObjectFieldStart("input");
            g.writeEndObject();
        });
    }

    private void arguments(String fragment) {
        openArguments.feed(fragment);
        int index = nextIndex - 1;
        channel.send("content_block_delta", g -> {
            g.writeStartObject();
            g.writeStringField("type", "content_block_delta");
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("delta");
            g.writeStringField("type", "input_json_delta");
            g.writeStringField("partial_json", fragment);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void open(Kind kind, JsonBody block) {
        open = kind;
        int index = nextIndex++;
        channel.send("content_block_start", g -> {
            g.writeStartObject();
            g.writeStringField("type", "content_block_start");
            g.writeNumberField("index", index);
            g.writeObjectFieldStart("content_block");
            block.write(g);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** Closes the open block and writes out every buffered call, so nothing is pending afterwards. */
    private void closeAll() {
        closeBlock();
        while (!pending.isEmpty()) {
            openFirstPending();
            closeBlock();
        }
    }

    private void closeBlock() {
        if (open == null) {
            return;
        }
        open = null;
        openTool = -1;
        int index = nextIndex - 1;
        channel.send("content_block_stop", g -> {
            g.writeStartObject();
            g.writeStringField("type", "content_block_stop");
            g.writeNumberField("index", index);
            g.writeEndObject();
        });
    }

    private void error(ApiError error) {
        channel.send("error", g -> ErrorEncoder.write(g, error));
    }
}

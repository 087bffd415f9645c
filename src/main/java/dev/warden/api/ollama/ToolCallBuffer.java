package dev.warden.api.ollama;

import dev.warden.llm.ContentPart;
import dev.warden.llm.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects streamed tool calls until they are whole. Ollama sends each tool call complete, with its arguments as a
 * JSON object, never as fragments; canonical streams deliver a call as a start and argument fragments. The calls are
 * released together when the choice finishes, not when the next call starts: OpenAI-style upstreams interleave
 * fragments of parallel calls (call 0's arguments may continue after call 1 has started), so only the finish proves
 * a call complete.
 */
final class ToolCallBuffer {
    private record Pending(String id, String name, StringBuilder arguments) {}

    private final Map<Integer, Pending> calls = new TreeMap<>();

    void start(StreamEvent.ToolCallStart start) {
        calls.put(start.index(), new Pending(start.id(), start.name(), new StringBuilder()));
    }

    /** A fragment for a call whose start never came still belongs to the answer; it is kept, nameless. */
    void delta(StreamEvent.ToolCallDelta delta) {
        calls.computeIfAbsent(delta.index(), i -> new Pending("", "", new StringBuilder()))
                .arguments().append(delta.argumentsFragment());
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** The whole calls in index order; the buffer is empty afterwards. */
    List<ContentPart.ToolCall> drain() {
        var whole = new ArrayList<ContentPart.ToolCall>(calls.size());
        for (Pending p : calls.values()) {
            whole.add(new ContentPart.ToolCall(p.id(), p.name(), p.arguments().toString()));
        }
        calls.clear();
        return whole;
    }
}

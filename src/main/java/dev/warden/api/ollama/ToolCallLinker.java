package dev.warden.api.ollama;

import dev.warden.llm.ContentPart;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gives Ollama's id-less tool calls ids and links each {@code role: "tool"} message to the call it answers, while
 * the messages are read in order. Every other dialect and upstream pairs a result with its call by id, so the pairing
 * must be made here, once.
 *
 * <ul>
 *   <li>A call's id is {@code call_<message index>_<call index>} (e.g. {@code call_1_0}): deterministic, so the same
 *       history always yields the same ids and upstream prompt caches keep hitting. A client that does send an
 *       {@code id} (newer Ollama versions echo one) keeps its own.</li>
 *   <li>The unanswered calls are those of the latest assistant message. A tool message is matched by
 *       {@code tool_call_id} when present, else by {@code tool_name} (the first unanswered call of that name), else
 *       by order (the first unanswered call). A tool message with nothing left to answer is a 400: no upstream could
 *       pair it either.</li>
 * </ul>
 * One instance per request; not thread-safe.
 */
final class ToolCallLinker {
    private final List<ContentPart.ToolCall> pending = new ArrayList<>();

    static String generatedId(int messageIndex, int callIndex) {
        return "call_" + messageIndex + "_" + callIndex;
    }

    /** A new assistant turn: its calls, and only those, now await results. */
    void assistant(List<ContentPart.ToolCall> calls) {
        pending.clear();
        pending.addAll(calls);
    }

    /** The id of the call that the tool message at {@code path} answers. */
    String answer(String path, @Nullable String toolCallId, @Nullable String toolName) {
        if (toolCallId != null) {
            pending.removeIf(call -> call.id().equals(toolCallId));
            return toolCallId;
        }
        for (int i = 0; i < pending.size(); i++) {
            if (toolName == null || pending.get(i).name().equals(toolName)) {
                return pending.remove(i).id();
            }
        }
        if (toolName != null) {
            throw RequestErrors.invalid(path + ".tool_name", path + ".tool_name: no unanswered tool call named '"
                    + toolName + "' in the preceding assistant message");
        }
        throw RequestErrors.invalid(path, path + ": a tool message must answer a tool call of the preceding"
                + " assistant message, and all of its calls are already answered");
    }
}

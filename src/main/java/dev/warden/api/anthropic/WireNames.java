package dev.warden.api.anthropic;

import dev.warden.llm.FinishReason;
import org.jspecify.annotations.Nullable;

/** The small vocabularies answers and streams share: stop reasons and message ids. */
final class WireNames {
    private WireNames() {}

    /**
     * The canonical model does not say whether a stop sequence ended the answer, so STOP is always
     * {@code end_turn} (and {@code stop_sequence} is null); an unknown reason on a finished answer is a normal end.
     */
    static String stopReason(@Nullable FinishReason reason) {
        if (reason == null) {
            return "end_turn";
        }
        return switch (reason) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
        };
    }

    /** Anthropic ids start with {@code msg_}; an upstream's id (e.g. {@code chatcmpl-...}) is prefixed, not replaced. */
    static String messageId(String id) {
        return id.startsWith("msg_") ? id : "msg_" + id;
    }
}

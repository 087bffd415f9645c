package dev.warden.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic usage objects and stop reasons → canonical. Anthropic reports {@code input_tokens} excluding the cached
 * parts ({@code cache_read_input_tokens}, {@code cache_creation_input_tokens}); the canonical prompt count follows the
 * OpenAI convention that cached tokens are a subset of the prompt, so it is the sum of the three, with
 * {@code cachedTokens} the cache reads. Anthropic does not report reasoning tokens separately (they are inside
 * {@code output_tokens}).
 */
final class UsageWire {
    private UsageWire() {}

    /** The four counters as Anthropic reports them; streams update them piecewise. */
    record Counts(long input, long cacheRead, long cacheCreation, long output) {
        Usage toUsage() {
            return new Usage(input + cacheRead + cacheCreation, output, cacheRead, 0, false);
        }

        /** Fields present in {@code usage} replace ours (message_delta counts are cumulative, not increments). */
        Counts update(@Nullable JsonNode usage) {
            if (usage == null || !usage.isObject()) {
                return this;
            }
            return new Counts(field(usage, "input_tokens", input), field(usage, "cache_read_input_tokens", cacheRead),
                    field(usage, "cache_creation_input_tokens", cacheCreation), field(usage, "output_tokens", output));
        }

        private static long field(JsonNode usage, String name, long fallback) {
            var value = usage.get(name);
            return value != null && value.isNumber() ? value.asLong() : fallback;
        }
    }

    static final Counts NONE = new Counts(0, 0, 0, 0);

    /** Null when the node is absent. */
    static @Nullable Usage fromWire(@Nullable JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        return NONE.update(usage).toUsage();
    }

    /**
     * {@code end_turn} and {@code stop_sequence} are natural stops. {@code pause_turn} (a server tool loop paused
     * a long turn) also maps to STOP: the answer so far is complete and the client continues by sending it back,
     * which no other dialect can express. {@code refusal} is the safety system withholding the answer.
     * {@code model_context_window_exceeded} ran out of room, as {@code max_tokens} does. Unknown values count as a
     * natural stop: the answer did end, and callers must be told a reason.
     *
     * @param jsonMode in emulated JSON mode the forced tool's {@code tool_use} stop is the answer's natural end
     */
    static @Nullable FinishReason stopReason(@Nullable JsonNode reason, boolean jsonMode) {
        if (reason == null || !reason.isTextual()) {
            return null;
        }
        return switch (reason.asText()) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> jsonMode ? FinishReason.STOP : FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP; // end_turn, stop_sequence, pause_turn, and values added later
        };
    }
}

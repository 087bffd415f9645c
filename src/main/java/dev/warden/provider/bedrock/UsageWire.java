package dev.warden.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import org.jspecify.annotations.Nullable;

/**
 * Converse {@code usage} and {@code stopReason} → canonical. Pure.
 *
 * <p>Usage: the TokenUsage docs define {@code inputTokens} as "the number of tokens sent in the request to the
 * model" and the cache fields separately; as with Anthropic's Messages API underneath, {@code inputTokens} counts
 * only the uncached input, so the canonical prompt count (which, by the OpenAI convention, includes cached
 * tokens) is {@code inputTokens + cacheReadInputTokens + cacheWriteInputTokens}, and the cached count is
 * {@code cacheReadInputTokens}. Bedrock does not report reasoning tokens separately.
 */
final class UsageWire {
    private UsageWire() {}

    static @Nullable Usage fromWire(@Nullable JsonNode usage) {
        if (usage == null || !usage.isObject() || !usage.has("inputTokens") && !usage.has("outputTokens")) {
            return null;
        }
        long input = ProviderJson.longValue(usage, "inputTokens");
        long cacheRead = ProviderJson.longValue(usage, "cacheReadInputTokens");
        long cacheWrite = ProviderJson.longValue(usage, "cacheWriteInputTokens");
        return new Usage(input + cacheRead + cacheWrite, ProviderJson.longValue(usage, "outputTokens"), cacheRead, 0,
                false);
    }

    /**
     * Every documented stop reason has a home: the context window running out is a length stop; malformed model
     * output or tool use are the model's own end (the content says what went wrong); unknown future values are
     * a plain stop rather than an error, since the answer itself arrived.
     */
    static FinishReason finishReason(@Nullable String stopReason) {
        if (stopReason == null) {
            return FinishReason.STOP;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence", "malformed_model_output", "malformed_tool_use" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }
}

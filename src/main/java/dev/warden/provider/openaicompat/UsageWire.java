package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import org.jspecify.annotations.Nullable;

/** Usage objects and finish reasons, as every OpenAI-wire answer (whole or streamed) carries them. */
final class UsageWire {
    private UsageWire() {}

    /** Null when the node is absent or null. */
    static @Nullable Usage fromWire(@Nullable JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long cached = ProviderJson.longValue(usage.path("prompt_tokens_details"), "cached_tokens");
        if (cached == 0) {
            cached = ProviderJson.longValue(usage, "prompt_cache_hit_tokens"); // DeepSeek's name for the same count
        }
        long reasoning = ProviderJson.longValue(usage.path("completion_tokens_details"), "reasoning_tokens");
        return new Usage(ProviderJson.longValue(usage, "prompt_tokens"),
                ProviderJson.longValue(usage, "completion_tokens"),
                cached, reasoning, false);
    }

    /**
     * Null for a missing or null reason. Unknown values (compatible servers say "eos", "abort", ...) count as a
     * natural stop: the answer did end, and callers must be told a reason.
     */
    static @Nullable FinishReason finishReason(@Nullable JsonNode reason) {
        if (reason == null || !reason.isTextual()) {
            return null;
        }
        return switch (reason.asText()) {
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }
}

package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import org.jspecify.annotations.Nullable;

/**
 * {@code usageMetadata} and {@code finishReason}, as whole answers and stream chunks carry them.
 *
 * <p>Usage: prompt = {@code promptTokenCount} + {@code toolUsePromptTokenCount} (both are billed as input);
 * completion = {@code candidatesTokenCount} + {@code thoughtsTokenCount} (Gemini counts thoughts apart from the
 * candidates, while the canonical completion count includes reasoning); reasoning = {@code thoughtsTokenCount};
 * cached = {@code cachedContentTokenCount}, which Gemini already counts inside the prompt.
 *
 * <p>Finish reasons: STOP → STOP (TOOL_CALLS when the candidate called functions, since Gemini has no reason of its
 * own for that); MAX_TOKENS → LENGTH; SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII and the IMAGE_*
 * safety reasons → CONTENT_FILTER. The rest (OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL,
 * FINISH_REASON_UNSPECIFIED and values added later) → STOP, or TOOL_CALLS as above: the answer did end, no
 * canonical reason says more, and callers must be given one; the content (often empty) shows what the model
 * produced.
 */
final class UsageWire {
    private UsageWire() {}

    static @Nullable Usage fromWire(@Nullable JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long thoughts = ProviderJson.longValue(usage, "thoughtsTokenCount");
        return new Usage(ProviderJson.longValue(usage, "promptTokenCount")
                + ProviderJson.longValue(usage, "toolUsePromptTokenCount"),
                ProviderJson.longValue(usage, "candidatesTokenCount") + thoughts,
                ProviderJson.longValue(usage, "cachedContentTokenCount"), thoughts, false);
    }

    /** Null when the candidate has no finish reason yet (a stream chunk in the middle). */
    static @Nullable FinishReason finishReason(@Nullable JsonNode reason, boolean calledFunctions) {
        if (reason == null || !reason.isTextual() || reason.asText().isEmpty()) {
            return null;
        }
        return switch (reason.asText()) {
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                    "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> FinishReason.CONTENT_FILTER;
            default -> calledFunctions ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        };
    }
}

package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The pieces every OpenAI answer shares: the usage object and the finish_reason vocabulary. */
final class UsageEncoder {
    private UsageEncoder() {}

    /** Chat and completion usage, with the detail objects the SDKs read cached and reasoning tokens from. */
    static void write(JsonGenerator g, Usage usage) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("prompt_tokens", usage.promptTokens());
        g.writeNumberField("completion_tokens", usage.completionTokens());
        g.writeNumberField("total_tokens", usage.totalTokens());
        g.writeObjectFieldStart("prompt_tokens_details");
        g.writeNumberField("cached_tokens", usage.cachedTokens());
        g.writeEndObject();
        g.writeObjectFieldStart("completion_tokens_details");
        g.writeNumberField("reasoning_tokens", usage.reasoningTokens());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Writes {@code "finish_reason"}; null means the reason is unknown (or, in streams, not yet reached). */
    static void finishReason(JsonGenerator g, @Nullable FinishReason reason) throws IOException {
        if (reason == null) {
            g.writeNullField("finish_reason");
            return;
        }
        g.writeStringField("finish_reason", switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        });
    }
}

package dev.warden.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import org.jspecify.annotations.Nullable;

/** What Ollama's final object ({@code done: true}) says about the whole answer: why it ended and token counts. */
final class DoneWire {
    private DoneWire() {}

    /**
     * Ollama says {@code stop} even when the model stopped to call tools, so tool calls decide first. {@code length}
     * is the {@code num_predict} limit. {@code load} and {@code unload} answer a request with no messages (Ollama
     * loads or evicts the model and generates nothing): nothing was cut short, so they read as a stop. Anything
     * unknown is a stop as well: the answer did end, and callers must be told a reason.
     */
    static FinishReason finishReason(@Nullable JsonNode doneReason, boolean toolCalls) {
        if (toolCalls) {
            return FinishReason.TOOL_CALLS;
        }
        if (doneReason != null && doneReason.isTextual() && doneReason.asText().equals("length")) {
            return FinishReason.LENGTH;
        }
        return FinishReason.STOP;
    }

    /** {@code prompt_eval_count} and {@code eval_count}; Ollama omits a zero count (Go's omitempty). */
    static Usage usage(JsonNode done) {
        return Usage.of(ProviderJson.longValue(done, "prompt_eval_count"), ProviderJson.longValue(done, "eval_count"));
    }
}

package dev.warden.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Generation parameters. Every field is nullable: absent means "the upstream's default", which is different from
 * any value Warden could pick, so absence is kept rather than filled in. {@code topK} is not part of OpenAI's API
 * but of Anthropic's, Gemini's, Ollama's and most self-hosted servers'; OpenAI-dialect clients send it as an
 * extra field.
 */
public record Sampling(
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer maxTokens,
        List<String> stop,
        @Nullable Long seed,
        @Nullable Double presencePenalty,
        @Nullable Double frequencyPenalty,
        @Nullable Integer n,
        @Nullable Integer topK) {

    public static final Sampling DEFAULTS = new Sampling(null, null, null, List.of(), null, null, null, null, null);

    public Sampling {
        stop = List.copyOf(stop);
    }

    public Sampling withMaxTokens(@Nullable Integer value) {
        return new Sampling(temperature, topP, value, stop, seed, presencePenalty, frequencyPenalty, n, topK);
    }
}

package dev.warden.identity;

import java.util.Locale;
import java.util.Optional;

/** The kinds of gateway endpoint a key can be restricted to, whatever dialect the client speaks. */
public enum ApiEndpoint {
    /** OpenAI chat completions, Anthropic messages, Ollama chat and generate. */
    CHAT,
    /** OpenAI legacy completions. */
    COMPLETIONS,
    EMBEDDINGS,
    /** Listing and describing models. */
    MODELS,
    /** Anthropic's count_tokens. */
    COUNT_TOKENS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApiEndpoint> parse(String text) {
        for (var endpoint : values()) {
            if (endpoint.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}

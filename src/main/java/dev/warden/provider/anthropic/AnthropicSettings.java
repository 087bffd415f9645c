package dev.warden.provider.anthropic;

import java.util.List;
import java.util.Objects;

/**
 * What an Anthropic deployment needs besides its {@link dev.warden.provider.Endpoint}.
 *
 * @param version the {@code anthropic-version} header sent on every call
 * @param defaultMaxTokens the {@code max_tokens} sent when the client gave none: Anthropic requires the field, other
 *                         dialects do not, so a configured value fills the gap rather than a guess in code
 * @param betas {@code anthropic-beta} header values, sent comma-separated; empty sends no header
 */
public record AnthropicSettings(String version, int defaultMaxTokens, List<String> betas) {
    public static final String DEFAULT_VERSION = "2023-06-01";
    public static final int DEFAULT_MAX_TOKENS = 4096;
    public static final AnthropicSettings DEFAULTS =
            new AnthropicSettings(DEFAULT_VERSION, DEFAULT_MAX_TOKENS, List.of());

    public AnthropicSettings {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("anthropic version must not be blank");
        }
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("default max_tokens must be at least 1, got " + defaultMaxTokens);
        }
        betas = List.copyOf(betas);
        for (var beta : betas) {
            if (beta.isBlank() || beta.contains(",")) {
                throw new IllegalArgumentException("invalid anthropic-beta value: '" + beta + "'");
            }
        }
    }
}

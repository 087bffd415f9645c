package dev.warden.pricing;

import java.util.Objects;

/**
 * A long-context price band: when a request's prompt has more than {@code aboveInputTokens} tokens, the whole
 * request (prompt and completion) is billed at {@code price}. That is how Gemini 2.5 Pro (above 200k) and Claude
 * Sonnet 4/4.5 with the 1M context (above 200k) charge: the band is chosen once by prompt size, not per token.
 *
 * @param aboveInputTokens the band applies to prompts strictly larger than this
 * @param price the rates of the band; has no tiers of its own
 */
public record Tier(long aboveInputTokens, Price price) {

    public Tier {
        Objects.requireNonNull(price, "price");
        if (aboveInputTokens < 0) {
            throw new IllegalArgumentException("a tier threshold is not negative, got " + aboveInputTokens);
        }
        if (!price.tiers().isEmpty()) {
            throw new IllegalArgumentException("a tier's price has no tiers of its own");
        }
    }
}

package dev.warden.pricing;

/**
 * The tokens of one call, as the cost arithmetic needs them. Follows the OpenAI convention, which the other
 * providers' usage is translated into: {@code cached} and {@code cacheWrite} are parts of {@code prompt}, and
 * {@code reasoning} is part of {@code completion} (OpenAI's {@code completion_tokens} already include
 * {@code reasoning_tokens}). So an Anthropic usage block (whose {@code input_tokens} exclude cache reads and
 * writes) becomes {@code prompt = input + cache_read + cache_creation}, and Gemini's thoughts (reported beside
 * the candidates) are added into {@code completion}. Nothing is ever counted twice.
 *
 * @param prompt all prompt tokens, cached or not
 * @param completion all completion tokens, reasoning included
 * @param cached prompt tokens read from the provider's cache
 * @param cacheWrite prompt tokens written to the provider's cache (Anthropic's cache creation)
 * @param reasoning completion tokens spent on reasoning
 * @param estimated true when Warden counted the tokens itself because the upstream reported none
 */
public record TokenCounts(long prompt, long completion, long cached, long cacheWrite, long reasoning,
        boolean estimated) {

    public TokenCounts {
        if (prompt < 0 || completion < 0 || cached < 0 || cacheWrite < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts are not negative: prompt " + prompt + ", completion "
                    + completion + ", cached " + cached + ", cache write " + cacheWrite + ", reasoning " + reasoning);
        }
        if (cached + cacheWrite > prompt) {
            throw new IllegalArgumentException("cached (" + cached + ") and cache-write (" + cacheWrite
                    + ") tokens are part of the prompt (" + prompt + ") and cannot exceed it");
        }
        if (reasoning > completion) {
            throw new IllegalArgumentException("reasoning tokens (" + reasoning + ") are part of the completion ("
                    + completion + ") and cannot exceed it");
        }
    }

    /** The shape of the canonical usage record: no cache writes. */
    public TokenCounts(long prompt, long completion, long cached, long reasoning, boolean estimated) {
        this(prompt, completion, cached, 0, reasoning, estimated);
    }

    /** Plain prompt and completion counts, reported by the upstream. */
    public static TokenCounts of(long prompt, long completion) {
        return new TokenCounts(prompt, completion, 0, 0, 0, false);
    }
}

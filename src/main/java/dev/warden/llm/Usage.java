package dev.warden.llm;

/**
 * Token counts for one call. Cached and reasoning tokens are subsets of prompt and completion tokens respectively
 * (the OpenAI convention), so totals never double count.
 *
 * @param estimated true when Warden counted the tokens itself because the upstream reported none
 */
public record Usage(long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens,
        boolean estimated) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0, false);

    public static Usage of(long promptTokens, long completionTokens) {
        return new Usage(promptTokens, completionTokens, 0, 0, false);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

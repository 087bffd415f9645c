package dev.warden.pricing;

import java.math.BigDecimal;

/**
 * Coarse model classes for token budgets weighted by cost: a budget of N "standard tokens" lets a principal spend
 * N tokens on a standard model, N / 15 on a frontier one, 5N on a small one. Coarse on purpose: operators reason
 * about four classes, not about a price table, and a weight that rounds up keeps a token budget conservative.
 *
 * <p>A catalog entry gets its class from its blended price, {@code (3 × input + output) / 4} dollars per million
 * tokens (the usual three-to-one prompt-to-completion mix), unless the data file names one:
 * <ul>
 * <li>{@link #FRONTIER}: blended ≥ $15 (Claude Opus 4.1, o1, o3-pro, GPT-4.5, GPT-5 pro). Weight 15: these cost
 *     roughly 8 to 40 times a standard model, and 15 errs on the side of the budget.</li>
 * <li>{@link #STANDARD}: $1.50 ≤ blended &lt; $15 (GPT-4o, GPT-5, Claude Sonnet, Gemini 2.5 Pro). Weight 1, the
 *     unit.</li>
 * <li>{@link #SMALL}: blended &lt; $1.50 (GPT-4o mini, Gemini Flash, Nova Lite, Llama 8B). Weight 0.2: these cost
 *     a twentieth to a fifth of a standard model.</li>
 * <li>{@link #EMBEDDING}: embedding models, input only. Weight 0.1.</li>
 * </ul>
 * A model with no price is treated as {@link #forUnknown() the most expensive class}.
 */
public enum CostTier {
    FRONTIER("15"),
    STANDARD("1"),
    SMALL("0.2"),
    EMBEDDING("0.1");

    private static final BigDecimal FRONTIER_FROM = new BigDecimal("15");
    private static final BigDecimal STANDARD_FROM = new BigDecimal("1.5");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private final BigDecimal weight;

    CostTier(String weight) {
        this.weight = new BigDecimal(weight);
    }

    /** How many standard tokens one token of this class counts as. */
    public BigDecimal weight() {
        return weight;
    }

    /** A model Warden has no price for weighs the most: unknown never means cheap. */
    public static CostTier forUnknown() {
        return FRONTIER;
    }

    /** The class of a priced model, from the base rates of its price (long-context bands aside). */
    public static CostTier classify(Price price, boolean embedding) {
        if (embedding) {
            return EMBEDDING;
        }
        var blended = price.input().multiply(THREE).add(price.output()).divide(FOUR);
        if (blended.compareTo(FRONTIER_FROM) >= 0) {
            return FRONTIER;
        }
        return blended.compareTo(STANDARD_FROM) >= 0 ? STANDARD : SMALL;
    }
}

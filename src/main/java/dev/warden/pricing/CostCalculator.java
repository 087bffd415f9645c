package dev.warden.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * US-dollar cost of a call, in exact decimal arithmetic. Rates are per million tokens, so a cost is
 * {@code rate × tokens / 10^6}: a multiplication and a decimal point shift, which {@link BigDecimal} does without
 * any rounding. Results keep full precision (their scale is whatever the rates' scale plus six is); only
 * {@link #render(BigDecimal)} rounds, to {@value #RENDER_SCALE} decimal places, for display and storage as text.
 * Compare costs with {@code compareTo}, not {@code equals}, since equal amounts may differ in scale.
 */
public final class CostCalculator {

    /** Decimal places kept when a cost is shown or written as text. */
    public static final int RENDER_SCALE = 10;

    private CostCalculator() {
    }

    /**
     * What a finished call cost. The long-context band is chosen by the whole prompt size. Prompt tokens that
     * were neither read from nor written to the cache pay the input rate, cache reads the cached rate, cache
     * writes the cache-write rate. Completion tokens pay the output rate except the reasoning tokens among them,
     * which pay the reasoning rate: reasoning is counted inside the completion (OpenAI's convention, see
     * {@link TokenCounts}), so it is subtracted from the completion before the output rate applies and is never
     * billed twice. When the reasoning rate equals the output rate this is simply completion × output.
     */
    public static BigDecimal cost(Price price, TokenCounts tokens) {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(tokens, "tokens");
        var rates = price.ratesFor(tokens.prompt());
        long uncached = tokens.prompt() - tokens.cached() - tokens.cacheWrite();
        long visibleOutput = tokens.completion() - tokens.reasoning();
        return perMillion(rates.input(), uncached)
                .add(perMillion(rates.cachedInput(), tokens.cached()))
                .add(perMillion(rates.cacheWrite(), tokens.cacheWrite()))
                .add(perMillion(rates.output(), visibleOutput))
                .add(perMillion(rates.reasoning(), tokens.reasoning()));
    }

    /**
     * The most a call can cost before it runs, for budget reservations: the band chosen by the estimated prompt
     * size, every prompt token at the dearer of the input and cache-write rates (a cache hit is never assumed),
     * and every possible output token at the dearer of the output and reasoning rates.
     *
     * @param promptTokensEstimate the prompt size Warden estimated before sending
     * @param maxOutputTokens the request's output limit (or the deployment's default when the request sets none)
     */
    public static BigDecimal maxCost(Price price, long promptTokensEstimate, long maxOutputTokens) {
        Objects.requireNonNull(price, "price");
        if (promptTokensEstimate < 0 || maxOutputTokens < 0) {
            throw new IllegalArgumentException("token counts are not negative: prompt " + promptTokensEstimate
                    + ", max output " + maxOutputTokens);
        }
        var rates = price.ratesFor(promptTokensEstimate);
        return perMillion(rates.input().max(rates.cacheWrite()), promptTokensEstimate)
                .add(perMillion(rates.output().max(rates.reasoning()), maxOutputTokens));
    }

    /** A cost as plain decimal text with {@value #RENDER_SCALE} places, rounded half-even. */
    public static String render(BigDecimal usd) {
        return usd.setScale(RENDER_SCALE, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static BigDecimal perMillion(BigDecimal rate, long tokens) {
        return rate.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
    }
}

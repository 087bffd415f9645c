package dev.warden.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * List rates of one model in US dollars per million tokens. Every rate is explicit once built: a model without
 * prompt caching has {@code cachedInput == input}, one that bills reasoning like other output has
 * {@code reasoning == output}, so cost arithmetic never has to guess what a missing figure meant.
 *
 * @param input uncached prompt tokens
 * @param output completion tokens (zero for embedding models, which bill input only)
 * @param cachedInput prompt tokens read from the provider's cache
 * @param cacheWrite prompt tokens written to the provider's cache (Anthropic bills these above input)
 * @param reasoning reasoning ("thinking") tokens, which providers count inside the completion
 * @param tiers long-context bands, sorted by threshold, strictly increasing; empty for flat pricing
 */
public record Price(BigDecimal input, BigDecimal output, BigDecimal cachedInput, BigDecimal cacheWrite,
        BigDecimal reasoning, List<Tier> tiers) {

    public Price {
        requireRate(input, "input");
        requireRate(output, "output");
        requireRate(cachedInput, "cached input");
        requireRate(cacheWrite, "cache write");
        requireRate(reasoning, "reasoning");
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).aboveInputTokens() <= tiers.get(i - 1).aboveInputTokens()) {
                throw new IllegalArgumentException("tiers must be sorted by threshold without repeats, got "
                        + tiers.get(i - 1).aboveInputTokens() + " then " + tiers.get(i).aboveInputTokens());
            }
        }
    }

    /** Input and output rates; cache reads and writes at the input rate, reasoning at the output rate. */
    public static Price of(BigDecimal input, BigDecimal output) {
        return new Price(input, output, input, input, output, List.of());
    }

    /** {@link #of(BigDecimal, BigDecimal)} from decimal strings, so no binary floating point is ever involved. */
    public static Price of(String input, String output) {
        return of(new BigDecimal(input), new BigDecimal(output));
    }

    /** An embedding model: input tokens only. */
    public static Price inputOnly(BigDecimal input) {
        return of(input, BigDecimal.ZERO);
    }

    /**
     * A deliberate price of nothing, for self-hosted models whose cost an operator chooses not to charge back.
     * It exists so that "free" is always a decision written in config: a model the catalog does not know is
     * unpriced, never implicitly zero.
     */
    public static Price explicitZero() {
        return of(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * An internal rate for a self-hosted model (GPU amortisation, chargeback), per million tokens. Same shape as
     * a list price; named so that config and the admin API read as what they mean.
     */
    public static Price internalRate(BigDecimal input, BigDecimal output) {
        return of(input, output);
    }

    public Price withCachedInput(BigDecimal rate) {
        return new Price(input, output, rate, cacheWrite, reasoning, tiers);
    }

    public Price withCacheWrite(BigDecimal rate) {
        return new Price(input, output, cachedInput, rate, reasoning, tiers);
    }

    public Price withReasoning(BigDecimal rate) {
        return new Price(input, output, cachedInput, cacheWrite, rate, tiers);
    }

    /** This price with one more long-context band; bands may be added in any order. */
    public Price withTier(long aboveInputTokens, Price band) {
        var all = new ArrayList<>(tiers);
        all.add(new Tier(aboveInputTokens, band));
        all.sort(Comparator.comparingLong(Tier::aboveInputTokens));
        return new Price(input, output, cachedInput, cacheWrite, reasoning, all);
    }

    /** The flat rates that apply to a prompt of this many tokens: the highest band it exceeds, else the base. */
    public Price ratesFor(long promptTokens) {
        Price chosen = tiers.isEmpty() ? this : new Price(input, output, cachedInput, cacheWrite, reasoning,
                List.of());
        for (var tier : tiers) {
            if (promptTokens > tier.aboveInputTokens()) {
                chosen = tier.price();
            }
        }
        return chosen;
    }

    /** True when every rate, in every band, is zero. */
    public boolean isZero() {
        return input.signum() == 0 && output.signum() == 0 && cachedInput.signum() == 0 && cacheWrite.signum() == 0
                && reasoning.signum() == 0 && tiers.stream().allMatch(tier -> tier.price().isZero());
    }

    private static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0) {
            throw new IllegalArgumentException("the " + name + " price is not negative, got " + rate.toPlainString());
        }
    }
}

package dev.warden.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads a deployment's {@code pricing} mapping, its {@code unpriced} policy and its {@code cost_tier}. */
final class PricingReader {

    private static final List<String> KEYS = List.of("input", "output", "cached_input", "cache_write", "reasoning");

    /** The cost tiers of token budgets as {@code cost_tier} names them: pricing's CostTier, in lower case. */
    static final List<String> COST_TIERS = List.of("frontier", "standard", "small", "embedding");

    private PricingReader() {
    }

    static @Nullable PricingConfig pricing(Section deployment) {
        var section = deployment.section("pricing");
        if (section == null) {
            return null;
        }
        section.allowOnly(KEYS);
        var input = rate(section, "input", true);
        var output = rate(section, "output", true);
        var cachedInput = rate(section, "cached_input", false);
        var cacheWrite = rate(section, "cache_write", false);
        var reasoning = rate(section, "reasoning", false);
        return input == null || output == null ? null
                : new PricingConfig(input, output, cachedInput, cacheWrite, reasoning);
    }

    /** {@code unpriced: allow} serves models without a price even to principals with budgets; default refuse. */
    static boolean allowUnpriced(Section deployment) {
        String text = deployment.string("unpriced");
        if (text == null) {
            return false;
        }
        return switch (text.strip()) {
            case "allow" -> true;
            case "refuse" -> false;
            default -> {
                deployment.problems().error(deployment.path("unpriced"), deployment.line("unpriced"),
                        "expected allow or refuse, got " + ReadContext.quote(text));
                yield false;
            }
        };
    }

    /** {@code cost_tier}: the class token budgets weigh this deployment's models by; null when not set. */
    static @Nullable String costTier(Section deployment) {
        String text = deployment.string("cost_tier");
        if (text == null) {
            return null;
        }
        var tier = text.strip().toLowerCase(Locale.ROOT);
        if (!COST_TIERS.contains(tier)) {
            deployment.problems().error(deployment.path("cost_tier"), deployment.line("cost_tier"),
                    "expected one of " + String.join(", ", COST_TIERS) + ", got " + ReadContext.quote(text));
            return null;
        }
        return tier;
    }

    private static @Nullable BigDecimal rate(Section section, String key, boolean required) {
        String text = required ? section.required(key) : section.string(key);
        if (text == null) {
            return null;
        }
        try {
            var rate = new BigDecimal(text.strip());
            if (rate.signum() >= 0) {
                return rate;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the same message as a negative number
        }
        section.problems().error(section.path(key), section.line(key), "expected a price in US dollars per "
                + "million tokens, zero or more, like 0.15, got " + ReadContext.quote(text));
        return null;
    }
}

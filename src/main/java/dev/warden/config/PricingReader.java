package dev.warden.config;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a deployment's {@code pricing} mapping and its {@code unpriced} policy. */
final class PricingReader {

    private static final List<String> KEYS = List.of("input", "output", "cached_input", "cache_write", "reasoning");

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

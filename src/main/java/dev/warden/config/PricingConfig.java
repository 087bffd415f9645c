package dev.warden.config;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's own price (key {@code pricing} of a deployment), in US dollars per million tokens. It wins over
 * the built-in catalog for every model the deployment serves: Azure deployments (whose names the catalog cannot
 * map), self-hosted models (an internal rate, or zero written down on purpose) and negotiated contracts. Kept as
 * plain decimals here because configuration imports nothing of Warden's; the composition root turns it into a
 * {@code dev.warden.pricing.Price}.
 *
 * @param input key {@code input}, uncached prompt tokens; required
 * @param output key {@code output}, completion tokens; required
 * @param cachedInput key {@code cached_input}, or null to bill cache reads at the input rate
 * @param cacheWrite key {@code cache_write}, or null to bill cache writes at the input rate
 * @param reasoning key {@code reasoning}, or null to bill reasoning at the output rate
 */
public record PricingConfig(BigDecimal input, BigDecimal output, @Nullable BigDecimal cachedInput,
        @Nullable BigDecimal cacheWrite, @Nullable BigDecimal reasoning) {

    public PricingConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}

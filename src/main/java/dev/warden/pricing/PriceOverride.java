package dev.warden.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A price set through the admin API for one upstream model, on one deployment or on every deployment serving it.
 * Rates are US dollars per million tokens; the optional ones stay null when not given (and are billed like the
 * catalog does: cache reads and writes at the input rate, reasoning at the output rate), so an answer shows what
 * the operator wrote rather than what was filled in.
 *
 * @param id {@code pr_…}
 * @param model the upstream model name, matched exactly as the router sends it upstream
 * @param deployment the deployment it applies to, or null for every deployment serving {@code model}
 * @param costTier the class for cost-weighted token budgets when the operator names one, else null
 * @param updatedBy the id of the principal that last wrote it
 */
public record PriceOverride(String id, String model, @Nullable String deployment, BigDecimal input,
        BigDecimal output, @Nullable BigDecimal cachedInput, @Nullable BigDecimal cacheWrite,
        @Nullable BigDecimal reasoning, @Nullable CostTier costTier, @Nullable String note, Instant created,
        Instant updated, String updatedBy) {

    public PriceOverride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(updatedBy, "updatedBy");
        // Building the price checks every rate (none negative) once, here, rather than at the first call.
        new Price(input, output, or(cachedInput, input), or(cacheWrite, input), or(reasoning, output), List.of());
    }

    /** The rates to bill, every one explicit. */
    public Price price() {
        return new Price(input, output, or(cachedInput, input), or(cacheWrite, input), or(reasoning, output),
                List.of());
    }

    /** The named cost class, else the one its price falls in. */
    public CostTier tier() {
        return costTier != null ? costTier : CostTier.classify(price(), false);
    }

    /** The deployment it is limited to; empty when it applies to every deployment. */
    public Optional<String> scope() {
        return Optional.ofNullable(deployment);
    }

    private static BigDecimal or(@Nullable BigDecimal rate, BigDecimal otherwise) {
        return rate != null ? rate : otherwise;
    }
}

package dev.warden.identity;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Spend and rate limits attached to a tier, organization, team, user or key. Stored and served now; enforced by
 * the budgets and rate-limits stages. Null means "not limited at this level".
 *
 * @param rpm requests per minute
 * @param tpm tokens per minute
 * @param maxParallel concurrent requests
 * @param budgetUsd the spend cap in US dollars per {@code budgetWindow}
 * @param budgetWindow {@code daily}, {@code monthly} or a duration such as {@code 7d}
 */
public record Limits(@Nullable Long rpm, @Nullable Long tpm, @Nullable Integer maxParallel,
        @Nullable BigDecimal budgetUsd, @Nullable String budgetWindow) {

    public static final Limits NONE = new Limits(null, null, null, null, null);

    public Limits {
        if (rpm != null && rpm < 0 || tpm != null && tpm < 0 || maxParallel != null && maxParallel < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new IllegalArgumentException("a budget must not be negative");
        }
    }

    /** Whether no limit is set at all. */
    public boolean none() {
        return rpm == null && tpm == null && maxParallel == null && budgetUsd == null;
    }

    /** These limits, with each one not set here taken from {@code fallback} (a tier's). */
    public Limits orElse(Limits fallback) {
        boolean ownBudget = budgetUsd != null;
        return new Limits(rpm != null ? rpm : fallback.rpm(), tpm != null ? tpm : fallback.tpm(),
                maxParallel != null ? maxParallel : fallback.maxParallel(),
                ownBudget ? budgetUsd : fallback.budgetUsd(),
                ownBudget ? budgetWindow : fallback.budgetWindow());
    }
}

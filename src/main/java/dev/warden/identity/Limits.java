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
 * @param tokenBudget the cap in standard tokens per {@code tokenBudgetWindow}: tokens used, weighted by the cost
 *     tier of the model that used them (a frontier model's token counts 15 times)
 * @param tokenBudgetWindow the token budget's window, in the syntax of {@code budgetWindow}; monthly when null
 */
public record Limits(@Nullable Long rpm, @Nullable Long tpm, @Nullable Integer maxParallel,
        @Nullable BigDecimal budgetUsd, @Nullable String budgetWindow, @Nullable Long tokenBudget,
        @Nullable String tokenBudgetWindow) {

    public static final Limits NONE = new Limits(null, null, null, null, null);

    public Limits {
        if (rpm != null && rpm < 0 || tpm != null && tpm < 0 || maxParallel != null && maxParallel < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (budgetUsd != null && budgetUsd.signum() < 0 || tokenBudget != null && tokenBudget < 0) {
            throw new IllegalArgumentException("a budget must not be negative");
        }
    }

    /** Limits without a token budget. */
    public Limits(@Nullable Long rpm, @Nullable Long tpm, @Nullable Integer maxParallel,
            @Nullable BigDecimal budgetUsd, @Nullable String budgetWindow) {
        this(rpm, tpm, maxParallel, budgetUsd, budgetWindow, null, null);
    }

    /** Whether no limit is set at all. */
    public boolean none() {
        return rpm == null && tpm == null && maxParallel == null && budgetUsd == null && tokenBudget == null;
    }

    /** These limits with a token budget (null for none) in a window (null for monthly). */
    public Limits withTokenBudget(@Nullable Long tokens, @Nullable String window) {
        return new Limits(rpm, tpm, maxParallel, budgetUsd, budgetWindow, tokens, window);
    }

    /**
     * These limits, with each one not set here taken from {@code fallback} (a tier's). A budget and its window go
     * together: a budget set here keeps its own window (even the default), never the fallback's.
     */
    public Limits orElse(Limits fallback) {
        boolean ownBudget = budgetUsd != null;
        boolean ownTokenBudget = tokenBudget != null;
        return new Limits(rpm != null ? rpm : fallback.rpm(), tpm != null ? tpm : fallback.tpm(),
                maxParallel != null ? maxParallel : fallback.maxParallel(),
                ownBudget ? budgetUsd : fallback.budgetUsd(),
                ownBudget ? budgetWindow : fallback.budgetWindow(),
                ownTokenBudget ? tokenBudget : fallback.tokenBudget(),
                ownTokenBudget ? tokenBudgetWindow : fallback.tokenBudgetWindow());
    }
}

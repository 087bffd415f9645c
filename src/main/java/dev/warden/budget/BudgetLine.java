package dev.warden.budget;

import java.util.List;
import java.util.Objects;

/**
 * One cap a call must fit under: a principal's budget (its key, user, team, org or tier) in the current span of its
 * window.
 *
 * @param scope who the budget belongs to, e.g. {@code key:k_1}, {@code team:t_9}; a token budget's scope ends in
 *     {@link #TOKENS_SUFFIX} ({@code key:k_1#tokens}), so it never shares state with the same principal's dollar
 *     budget
 * @param cap what the window allows, in {@code unit}
 * @param thresholds percentages of the cap (e.g. 50, 80, 100) to report once per window when settled spend reaches
 *     them; empty for none
 * @param unit what the cap, holds and spend of this line count
 */
public record BudgetLine(String scope, WindowSpan span, long cap, List<Integer> thresholds, Unit unit) {

    /** Marks the scope of a token budget. */
    public static final String TOKENS_SUFFIX = "#tokens";

    /** What a line counts. */
    public enum Unit {
        /** Millionths of a US dollar. */
        USD_MICROS,
        /** Whole standard tokens: tokens used times the weight of the model's cost tier, rounded up per call. */
        TOKENS
    }

    public BudgetLine {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(unit, "unit");
        if (scope.isBlank()) {
            throw new IllegalArgumentException("a budget line needs a scope");
        }
        if (scope.endsWith(TOKENS_SUFFIX) != (unit == Unit.TOKENS)) {
            throw new IllegalArgumentException("a token budget's scope, and only it, ends in " + TOKENS_SUFFIX + ": "
                    + scope);
        }
        if (cap < 0) {
            throw new IllegalArgumentException("a budget cap cannot be negative: " + cap);
        }
        thresholds = thresholds.stream().sorted().distinct().toList();
        for (int percent : thresholds) {
            if (percent <= 0 || percent > 1000) {
                throw new IllegalArgumentException("a budget threshold is a percentage in 1..1000, not " + percent);
            }
        }
    }

    /** A dollar line (cap in micro-dollars). */
    public BudgetLine(String scope, WindowSpan span, long cap, List<Integer> thresholds) {
        this(scope, span, cap, thresholds, Unit.USD_MICROS);
    }

    public static BudgetLine of(String scope, WindowSpan span, long cap) {
        return new BudgetLine(scope, span, cap, List.of());
    }

    /** Scope and bucket: lines with the same name share one state, whatever their cap. */
    String name() {
        return scope + "|" + span.id();
    }
}

package dev.warden.budget;

import java.util.List;
import java.util.Objects;

/**
 * One cap a call must fit under: a principal's budget (its key, user, team, org or tier) in the current span of its
 * window.
 *
 * @param scope who the budget belongs to, e.g. {@code key:k_1}, {@code team:t_9}
 * @param cap micro-dollars the window allows
 * @param thresholds percentages of the cap (e.g. 50, 80, 100) to report once per window when settled spend reaches
 *     them; empty for none
 */
public record BudgetLine(String scope, WindowSpan span, long cap, List<Integer> thresholds) {
    public BudgetLine {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(span, "span");
        if (scope.isBlank()) {
            throw new IllegalArgumentException("a budget line needs a scope");
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

    public static BudgetLine of(String scope, WindowSpan span, long cap) {
        return new BudgetLine(scope, span, cap, List.of());
    }

    /** Scope and bucket: lines with the same name share one state, whatever their cap. */
    String name() {
        return scope + "|" + span.id();
    }
}

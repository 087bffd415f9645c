package dev.warden.budget;

import java.util.Objects;

/**
 * An amount to hold on one budget line, in the line's own unit. A call holds different amounts on lines of different
 * units (micro-dollars on a dollar budget, weighted tokens on a token budget) in one all-or-nothing reservation.
 */
public record Hold(BudgetLine line, long amount) {
    public Hold {
        Objects.requireNonNull(line, "line");
    }
}

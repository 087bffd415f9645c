package dev.warden.budget;

import java.time.Instant;
import java.util.Objects;

/**
 * Settled spend on a budget reached one of its thresholds for the first time in the window.
 *
 * @param unit what {@code cap} and {@code spent} count (micro-dollars or standard tokens)
 */
public record ThresholdCrossing(String scope, String windowId, int percent, long cap, long spent, Instant at,
        BudgetLine.Unit unit) {
    public ThresholdCrossing {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(unit, "unit");
    }

    /** A crossing on a dollar budget. */
    public ThresholdCrossing(String scope, String windowId, int percent, long cap, long spent, Instant at) {
        this(scope, windowId, percent, cap, spent, at, BudgetLine.Unit.USD_MICROS);
    }
}

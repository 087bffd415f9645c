package dev.warden.budget;

import java.time.Instant;
import java.util.Objects;

/** Settled spend on a budget reached one of its thresholds for the first time in the window. */
public record ThresholdCrossing(String scope, String windowId, int percent, long cap, long spent, Instant at) {
    public ThresholdCrossing {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(at, "at");
    }
}

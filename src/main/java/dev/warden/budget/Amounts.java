package dev.warden.budget;

import java.time.Duration;

/** Argument checks shared by the ledgers, so both refuse bad input with the same words. */
final class Amounts {
    private Amounts() {}

    static void checkReserve(long amount, Duration ttl) {
        if (amount < 0) {
            throw new IllegalArgumentException("a reservation amount cannot be negative: " + amount);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a reservation ttl must be positive: " + ttl);
        }
    }

    static void checkActual(long actual) {
        if (actual < 0) {
            throw new IllegalArgumentException("a settled amount cannot be negative: " + actual);
        }
    }
}

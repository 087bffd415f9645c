package dev.warden.budget;

import java.time.Duration;
import java.util.List;

/** Argument checks shared by the ledgers, so both refuse bad input with the same words. */
final class Amounts {
    private Amounts() {}

    static void checkReserve(List<Hold> holds, Duration ttl) {
        for (var hold : holds) {
            if (hold.amount() < 0) {
                throw new IllegalArgumentException("a reservation amount cannot be negative: " + hold.amount());
            }
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a reservation ttl must be positive: " + ttl);
        }
    }

    static void checkActuals(Reservation reservation, List<Long> actuals) {
        if (actuals.size() != reservation.holds().size()) {
            throw new IllegalArgumentException("a settle needs one amount per line: " + actuals.size() + " for "
                    + reservation.holds().size());
        }
        for (long actual : actuals) {
            if (actual < 0) {
                throw new IllegalArgumentException("a settled amount cannot be negative: " + actual);
            }
        }
    }
}

package dev.warden.budget;

import java.util.Objects;

/** What {@link BudgetLedger#reserve} decided. */
public sealed interface ReserveResult {

    /** Every line had room; the amount is held on all of them. */
    record Granted(Reservation reservation) implements ReserveResult {
        public Granted {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /**
     * The first line without room, and how much it still had in its unit (cap minus spent minus held, never
     * negative). Nothing was held on any line.
     */
    record Refused(BudgetLine line, long remaining) implements ReserveResult {
        public Refused {
            Objects.requireNonNull(line, "line");
        }
    }

    /** The ledger could not be reached and the failure policy is {@link FailurePolicy#FAIL_CLOSED}. */
    record Unavailable(String reason) implements ReserveResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

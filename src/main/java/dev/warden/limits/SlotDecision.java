package dev.warden.limits;

import java.util.List;

/** The answer to one {@link RateLimiter#acquireSlots}. */
public sealed interface SlotDecision {
    /** One lease per concurrency limit asked for, in the same order. */
    record Granted(List<Lease> leases) implements SlotDecision {
        public Granted {
            leases = List.copyOf(leases);
        }

        /** The lease of a single-limit acquire. */
        public Lease lease() {
            return leases.getFirst();
        }
    }

    /** All {@code max} slots of {@code key} are held; nothing was taken. */
    record Busy(String key, int max) implements SlotDecision {}

    /** The limiter could not decide and policy says refuse. */
    record Unavailable(String reason) implements SlotDecision {}
}

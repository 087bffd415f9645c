package dev.warden.limits;

import java.time.Instant;
import java.util.List;

/**
 * The rate-limit port. Time is passed in ({@code now}, the gateway's clock) rather than read inside, so every
 * backend is deterministic under test and all instances sharing a store agree on one time base.
 *
 * <p>Every operation takes all the scopes of one request at once (key, user, teams, org), so a shared backend
 * answers each in one round trip however many scopes a caller has.
 */
public interface RateLimiter {

    /**
     * Charges one request against all {@code limits} at once, or none of them: a {@link Measure#REQUESTS} limit is
     * charged 1, a {@link Measure#TOKENS} limit {@code tokens}. Keys must be distinct.
     */
    Decision acquire(List<Limit> limits, long tokens, Instant now);

    /**
     * Corrects the token charge of {@code limits} once the real count is known: positive when the request used
     * more than estimated (the debt delays later requests), negative to give back what was over-estimated.
     */
    void settle(List<Limit> limits, long delta, Instant now);

    /** Takes a slot under every concurrency limit at once if each has one free, or none of them. Keys distinct. */
    SlotDecision acquireSlots(List<Concurrency> limits, Instant now);

    /** Hands slots back; releasing a lapsed or unknown lease does nothing. */
    void release(List<Lease> leases);

    /**
     * After a call: hands {@code leases} back and corrects the token charge of {@code limits} by {@code delta}
     * (nothing when 0), in one round trip where the backend allows.
     */
    default void finish(List<Lease> leases, List<Limit> limits, long delta, Instant now) {
        if (!leases.isEmpty()) {
            release(leases);
        }
        if (delta != 0 && !limits.isEmpty()) {
            settle(limits, delta, now);
        }
    }

    /** {@link #settle(List, long, Instant)} for one limit. */
    default void settle(Limit limit, long delta, Instant now) {
        settle(List.of(limit), delta, now);
    }

    /** {@link #acquireSlots} for one limit. */
    default SlotDecision acquireSlot(Concurrency concurrency, Instant now) {
        return acquireSlots(List.of(concurrency), now);
    }

    /** {@link #release(List)} for one lease. */
    default void release(Lease lease) {
        release(List.of(lease));
    }
}

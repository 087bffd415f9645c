package dev.warden.limits;

import java.time.Instant;
import java.util.List;

/**
 * The rate-limit port. Time is passed in ({@code now}, the gateway's clock) rather than read inside, so every
 * backend is deterministic under test and all instances sharing a store agree on one time base.
 */
public interface RateLimiter {

    /**
     * Charges one request against all {@code limits} at once, or none of them: a {@link Measure#REQUESTS} limit is
     * charged 1, a {@link Measure#TOKENS} limit {@code tokens}. Keys must be distinct.
     */
    Decision acquire(List<Limit> limits, long tokens, Instant now);

    /**
     * Corrects a token charge once the real count is known: positive when the request used more than estimated
     * (the debt delays later requests), negative to give back what was over-estimated.
     */
    void settle(Limit limit, long delta, Instant now);

    /** Takes a concurrency slot under {@code concurrency.key()} if one is free. */
    SlotDecision acquireSlot(Concurrency concurrency, Instant now);

    /** Hands a slot back; releasing a lapsed or unknown lease does nothing. */
    void release(Lease lease);
}

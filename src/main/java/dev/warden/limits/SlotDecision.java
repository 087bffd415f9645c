package dev.warden.limits;

/** The answer to one {@link RateLimiter#acquireSlot}. */
public sealed interface SlotDecision {

    record Granted(Lease lease) implements SlotDecision {}

    /** All {@code max} slots are held. */
    record Busy(String key, int max) implements SlotDecision {}

    /** The limiter could not decide and policy says refuse. */
    record Unavailable(String reason) implements SlotDecision {}
}

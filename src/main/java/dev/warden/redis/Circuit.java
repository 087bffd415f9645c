package dev.warden.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * After {@code threshold} consecutive failures the store is skipped for {@code openFor}, so a dead Redis costs
 * one timeout per interval rather than one per request. When the interval is over, exactly one caller probes
 * (the others keep skipping for another interval); its success closes the circuit, its failure keeps it open.
 * Shared by the rate limiter and the budget ledger, each with a circuit of its own, which also counts what
 * operators watch ({@code /health/ready}): failed calls, calls skipped while open, and calls the failure policy
 * answered. Times are microseconds of the gateway's clock.
 */
public final class Circuit {
    private final int threshold;
    private final long openMicros;
    private final AtomicInteger failures = new AtomicInteger();
    /** Microseconds until which the store is skipped; 0 when closed. */
    private final AtomicLong openUntil = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();

    public Circuit(int threshold, Duration openFor) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the failure threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openMicros = openFor.toNanos() / 1_000;
    }

    /** Whether to try the store at {@code now}; a call not tried is counted as skipped. */
    public boolean attempt(long now) {
        if (allows(now)) {
            return true;
        }
        skipped.incrementAndGet();
        return false;
    }

    private boolean allows(long now) {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        return now >= until && openUntil.compareAndSet(until, now + openMicros);
    }

    /** Closes the circuit; true when it was open, so the caller can report the recovery once. */
    public boolean succeeded() {
        failures.set(0);
        return openUntil.getAndSet(0) != 0;
    }

    /** Counts a failure; true when this one opened the circuit, so the caller can report the outage once. */
    public boolean failed(long now) {
        errors.incrementAndGet();
        if (failures.incrementAndGet() >= threshold) {
            return openUntil.getAndSet(now + openMicros) == 0;
        }
        return false;
    }

    public boolean open() {
        return openUntil.get() != 0;
    }

    /** Counts a failed call that does not move the circuit (bookkeeping whose loss is harmless). */
    public void error() {
        errors.incrementAndGet();
    }

    /** Counts a call the failure policy answered instead of the store. */
    public void fellBack() {
        fallbacks.incrementAndGet();
    }

    /** Calls to the store that failed. */
    public long errors() {
        return errors.get();
    }

    /** Calls not tried because the circuit was open. */
    public long skipped() {
        return skipped.get();
    }

    /** Calls the failure policy answered instead of the store. */
    public long fallbacks() {
        return fallbacks.get();
    }
}

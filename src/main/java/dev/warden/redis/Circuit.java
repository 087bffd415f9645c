package dev.warden.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * After {@code threshold} consecutive failures the store is skipped for {@code openFor}, so a dead Redis costs
 * one timeout per interval rather than one per request. When the interval is over, exactly one caller probes
 * (the others keep skipping for another interval); its success closes the circuit, its failure keeps it open.
 * Shared by the rate limiter and the budget ledger, each with a circuit of its own. Times are microseconds.
 */
public final class Circuit {
    private final int threshold;
    private final long openMicros;
    private final AtomicInteger failures = new AtomicInteger();
    /** Microseconds until which the store is skipped; 0 when closed. */
    private final AtomicLong openUntil = new AtomicLong();

    public Circuit(int threshold, Duration openFor) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the failure threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openMicros = openFor.toNanos() / 1_000;
    }

    /** Whether to try the store at {@code now} (microseconds). */
    public boolean allows(long now) {
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
        if (failures.incrementAndGet() >= threshold) {
            return openUntil.getAndSet(now + openMicros) == 0;
        }
        return false;
    }

    public boolean open() {
        return openUntil.get() != 0;
    }
}

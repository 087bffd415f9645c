package dev.warden.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * After {@code threshold} consecutive failures the store is skipped for {@code openFor}, so a dead Redis costs
 * one timeout per interval rather than one per request. When the interval is over, exactly one caller probes
 * (the others keep skipping for another interval); its success closes the circuit, its failure keeps it open.
 */
final class Circuit {
    private final int threshold;
    private final long openMicros;
    private final AtomicInteger failures = new AtomicInteger();
    /** Microseconds until which the store is skipped; 0 when closed. */
    private final AtomicLong openUntil = new AtomicLong();

    Circuit(int threshold, Duration openFor) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the failure threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openMicros = openFor.toNanos() / 1_000;
    }

    /** Whether to try the store at {@code now} (microseconds). */
    boolean allows(long now) {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        return now >= until && openUntil.compareAndSet(until, now + openMicros);
    }

    void succeeded() {
        failures.set(0);
        openUntil.set(0);
    }

    void failed(long now) {
        if (failures.incrementAndGet() >= threshold) {
            openUntil.set(now + openMicros);
        }
    }

    boolean open() {
        return openUntil.get() != 0;
    }
}

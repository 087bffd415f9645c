package dev.warden.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A concurrency limit: at most {@code max} requests in flight under {@code key}. A slot is a lease that lapses
 * after {@code lease} even if never released, so the slots of a crashed instance come back; the lease must
 * outlast the longest request (the upstream timeouts bound it).
 */
public record Concurrency(String key, int max, Duration lease) {
    public Concurrency {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lease, "lease");
        if (key.isBlank() || max <= 0) {
            throw new IllegalArgumentException("a concurrency limit needs a key and a positive maximum");
        }
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("a lease must last at least a millisecond: " + key);
        }
    }
}

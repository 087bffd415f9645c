package dev.warden.limits;

import java.time.Instant;

/** A held concurrency slot; hand it back with {@link RateLimiter#release}. */
public record Lease(String key, String id, Instant expires) {}

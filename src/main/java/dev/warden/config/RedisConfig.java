package dev.warden.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Redis that rate-limit buckets and budget reservations live in when several instances must share them. YAML
 * section {@code redis}; absent means both stay in-process (one instance).
 *
 * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS
 * @param timeout the most one Redis call may take (connect and answer); a request never waits longer
 * @param onFailure what limits and budgets do while Redis cannot be reached
 */
public record RedisConfig(URI url, @Nullable Secret password, Duration timeout, FailurePolicy onFailure) {

    /** While Redis is unreachable. */
    public enum FailurePolicy {
        /** Enforce with this instance's own in-process counters (exact per instance, not across them). */
        LOCAL,
        /** Let requests through, counted, so an outage never stops traffic. */
        FAIL_OPEN,
        /** Refuse requests with 503, so no cap can be overshot. */
        FAIL_CLOSED
    }

    public RedisConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onFailure, "onFailure");
    }
}

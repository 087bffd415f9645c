package dev.warden.redis;

/**
 * What a request gets while the shared Redis cannot be reached, for rate limits and budgets alike
 * ({@code redis.on_failure}).
 */
public enum FailurePolicy {
    /**
     * Enforce with this instance's own in-memory limiter and ledger: exact per instance, not across them, so N
     * instances may together allow up to N times a limit or a cap until Redis is back.
     */
    LOCAL,
    /** Let the call through, unlimited and unbudgeted, and count it: availability over enforcement. */
    FAIL_OPEN,
    /** Refuse the call with a 503: enforcement over availability. */
    FAIL_CLOSED
}

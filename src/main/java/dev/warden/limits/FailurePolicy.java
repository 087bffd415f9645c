package dev.warden.limits;

import java.util.Locale;

/** What a request gets when the shared limiter cannot be reached. */
public enum FailurePolicy {
    /** Let it through unlimited, and count it: availability over enforcement. */
    FAIL_OPEN,
    /** Refuse it with a 503: enforcement over availability. */
    FAIL_CLOSED,
    /**
     * Enforce the limits in this instance only. Each instance then grants the full limit on its own, so N
     * instances may together allow up to N times it until Redis is back.
     */
    LOCAL;

    /** {@code fail_open}, {@code fail_closed} or {@code local}, as written in the configuration. */
    public static FailurePolicy parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "fail_open" -> FAIL_OPEN;
            case "fail_closed" -> FAIL_CLOSED;
            case "local" -> LOCAL;
            default -> throw new IllegalArgumentException(
                    "unknown rate-limit failure policy '" + text + "' (fail_open, fail_closed or local)");
        };
    }
}

package dev.warden.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One rate limit: at most {@code rate} units per {@code period}, of which up to {@code burst} may be spent at once.
 * The key names the bucket and is shared by every instance that enforces it, e.g. {@code key:key_123:rpm}.
 */
public record Limit(String key, Measure measure, long rate, Duration period, long burst) {

    /** Keeps every microsecond quantity the Redis script adds exactly representable in a Lua double (2^53). */
    private static final long MAX_WINDOW_MICROS = 1L << 50;

    public Limit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a limit needs a key");
        }
        if (rate <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive: " + key);
        }
        if (period.isNegative() || period.toNanos() < 1_000) {
            throw new IllegalArgumentException("the period must be at least a microsecond: " + key);
        }
        if (!fits(burst, period.toNanos() / 1_000, rate)) {
            throw new IllegalArgumentException("burst too large for its period: " + key);
        }
    }

    private static boolean fits(long burst, long periodMicros, long rate) {
        try {
            return Math.multiplyExact(burst, periodMicros) / rate <= MAX_WINDOW_MICROS;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** So many per minute, with a burst of one minute's worth: the usual rpm/tpm reading. */
    public static Limit perMinute(String key, Measure measure, long rate) {
        return new Limit(key, measure, rate, Duration.ofMinutes(1), rate);
    }

    long periodMicros() {
        return period.toNanos() / 1_000;
    }

    /** What one request with this many estimated tokens is charged against this limit. */
    long costOf(long tokens) {
        return switch (measure) {
            case REQUESTS -> 1;
            case TOKENS -> tokens;
        };
    }
}

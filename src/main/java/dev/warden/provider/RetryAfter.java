package dev.warden.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds or an HTTP date. Pure: "now" is given. */
public final class RetryAfter {
    private RetryAfter() {}

    /** Whole seconds to wait (rounded up, never negative), or null when absent or unreadable. */
    public static @Nullable Long seconds(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var value = header.strip();
        try {
            return wholeSeconds(Double.parseDouble(value)); // some upstreams send "1.5"
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                var wait = Duration.between(now, at);
                return wait.isNegative() ? 0L : wait.plusMillis(999).toSeconds();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /**
     * Decimal seconds rounded up to whole seconds, or null when negative or not a number: the delay-seconds form
     * alone, for upstreams that never send a date and for delays read from error bodies.
     */
    public static @Nullable Long decimalSeconds(String value) {
        try {
            return wholeSeconds(Double.parseDouble(value));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    private static @Nullable Long wholeSeconds(double seconds) {
        return seconds < 0 || Double.isNaN(seconds) ? null : (long) Math.ceil(seconds);
    }
}

package dev.warden.provider.anthropic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The {@code retry-after} header (RFC 9110 §10.2.3): delay seconds or an HTTP date. Pure: "now" is given. */
final class RetryAfter {
    private RetryAfter() {}

    /** Whole seconds to wait (rounded up, never negative), or null when absent or unreadable. */
    static @Nullable Long seconds(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            return seconds < 0 || Double.isNaN(seconds) ? null : (long) Math.ceil(seconds);
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
}

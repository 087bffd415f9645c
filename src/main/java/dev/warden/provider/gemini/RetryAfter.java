package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * How long a rate-limited client should wait: the {@code Retry-After} header (RFC 9110: seconds or an HTTP date)
 * when present, else the {@code google.rpc.RetryInfo} detail Google puts in 429 bodies ({@code "retryDelay": "37s"}).
 * Pure: "now" is given.
 */
final class RetryAfter {
    private RetryAfter() {}

    static @Nullable Long seconds(@Nullable String header, @Nullable JsonNode details, Instant now) {
        var fromHeader = header(header, now);
        return fromHeader != null ? fromHeader : retryInfo(details);
    }

    static @Nullable Long header(@Nullable String header, Instant now) {
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

    /** A protobuf Duration in JSON: decimal seconds with an {@code s} suffix. */
    static @Nullable Long retryInfo(@Nullable JsonNode details) {
        if (details == null || !details.isArray()) {
            return null;
        }
        for (var detail : details) {
            if (Json.text(detail, "@type", "").endsWith("google.rpc.RetryInfo")) {
                var delay = Json.text(detail, "retryDelay", "");
                if (delay.endsWith("s")) {
                    try {
                        double seconds = Double.parseDouble(delay.substring(0, delay.length() - 1));
                        return seconds < 0 || Double.isNaN(seconds) ? null : (long) Math.ceil(seconds);
                    } catch (NumberFormatException unreadable) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}

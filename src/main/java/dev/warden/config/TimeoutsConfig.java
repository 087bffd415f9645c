package dev.warden.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-deployment time limits. YAML section {@code timeouts} of a deployment; durations are written like
 * {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}.
 *
 * @param connect establishing the connection (key {@code connect}, default 10s)
 * @param firstByte from sending the request until the response headers arrive; for a non-streamed answer this is
 *                  the whole generation time (key {@code first_byte}, default 300s)
 * @param streamIdle the longest silence allowed between two chunks of a stream (key {@code stream_idle},
 *                   default 60s)
 */
public record TimeoutsConfig(Duration connect, Duration firstByte, Duration streamIdle) {

    public static final TimeoutsConfig DEFAULTS =
            new TimeoutsConfig(Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(60));

    public TimeoutsConfig {
        requirePositive(connect, "connect");
        requirePositive(firstByte, "firstByte");
        requirePositive(streamIdle, "streamIdle");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}

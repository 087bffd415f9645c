package dev.warden.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-deployment time limits.
 *
 * @param connect establishing the TCP/TLS connection
 * @param firstByte from sending the request until the response headers arrive (for a non-streamed answer this is
 *                  the whole generation time)
 * @param streamIdle the longest silence allowed between two reads of a streamed body
 */
public record Timeouts(Duration connect, Duration firstByte, Duration streamIdle) {
    public static final Timeouts DEFAULTS =
            new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(300), Duration.ofSeconds(60));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(firstByte, "firstByte");
        Objects.requireNonNull(streamIdle, "streamIdle");
    }
}

package dev.warden.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP listener. YAML section {@code server}.
 *
 * @param host the address to bind (key {@code host}, default {@code 127.0.0.1})
 * @param port the TCP port (key {@code port}, default 8080; 0 picks a free port)
 * @param maxBodyBytes the largest request body accepted (key {@code max_body_size}, default 10 MiB)
 * @param shutdownGrace how long in-flight requests may finish on shutdown (key {@code shutdown_grace}, default 30s)
 */
public record ServerConfig(String host, int port, long maxBodyBytes, Duration shutdownGrace) {

    public static final ServerConfig DEFAULTS =
            new ServerConfig("127.0.0.1", 8080, 10L * 1024 * 1024, Duration.ofSeconds(30));

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
    }
}

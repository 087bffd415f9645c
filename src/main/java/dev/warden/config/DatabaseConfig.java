package dev.warden.config;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where identity, keys and stored deployments live. YAML section {@code database}.
 *
 * @param url a JDBC URL: {@code jdbc:sqlite:<file>} (embedded, the default) or {@code jdbc:postgresql://...}
 * @param user the database user (PostgreSQL), if any
 * @param password the database password, if any
 * @param poolSize the most connections held open
 * @param refreshInterval how often an instance polls for changes made by other instances (keys, users, teams,
 *                        deployments): the longest a revocation elsewhere takes to reach this instance
 */
public record DatabaseConfig(String url, @Nullable String user, @Nullable Secret password, int poolSize,
        Duration refreshInterval) {

    public static final String DEFAULT_URL = "jdbc:sqlite:data/warden.db";
    public static final DatabaseConfig DEFAULTS = new DatabaseConfig(DEFAULT_URL, null, null, 8, Duration.ofSeconds(2));

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
    }

    public boolean sqlite() {
        return url.startsWith("jdbc:sqlite:");
    }
}

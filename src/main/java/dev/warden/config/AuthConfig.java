package dev.warden.config;

import org.jspecify.annotations.Nullable;

/**
 * Gateway authentication. YAML section {@code auth}.
 *
 * @param masterKey the key with full access (key {@code master_key}); null when not configured, in which case the
 *                  server generates one at startup and prints it once
 */
public record AuthConfig(@Nullable Secret masterKey) {

    public static final AuthConfig DEFAULTS = new AuthConfig(null);
}

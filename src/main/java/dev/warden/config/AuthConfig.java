package dev.warden.config;

import org.jspecify.annotations.Nullable;

/**
 * Gateway authentication. YAML section {@code auth}.
 *
 * @param masterKey the key with full access (key {@code master_key}); null when not configured, in which case the
 *                  server generates one at startup and prints it once
 * @param jwt accepting identity-provider JWTs as bearer credentials (key {@code jwt}); null when not configured
 */
public record AuthConfig(@Nullable Secret masterKey, @Nullable JwtConfig jwt) {

    public static final AuthConfig DEFAULTS = new AuthConfig(null, null);
}

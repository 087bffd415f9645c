package dev.warden.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The server secret from which the key-hashing key and the encryption key for stored provider credentials are
 * derived. YAML section {@code secrets}. It never comes from the database.
 *
 * @param key the secret itself, base64 of at least 32 bytes (usually {@code ${WARDEN_SECRET_KEY}})
 * @param keyFile a file holding it; created with a fresh random secret (owner-only permissions) when missing and no
 *                {@code key} is given
 */
public record SecretsConfig(@Nullable Secret key, Path keyFile) {

    public static final SecretsConfig DEFAULTS = new SecretsConfig(null, Path.of("data", "warden.secret"));
}

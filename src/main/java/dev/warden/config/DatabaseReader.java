package dev.warden.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the {@code database} and {@code secrets} sections. */
final class DatabaseReader {
    private DatabaseReader() {
    }

    static DatabaseConfig database(@Nullable Section section) {
        var defaults = DatabaseConfig.DEFAULTS;
        if (section == null) {
            return defaults;
        }
        section.allowOnly(List.of("url", "user", "password", "pool_size", "refresh_interval"));
        var url = section.string("url", defaults.url()).strip();
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            section.problems().error(section.path("url"), section.line("url"), "unsupported database url '" + url
                    + "': use jdbc:sqlite:<file> (embedded) or jdbc:postgresql://host:port/database");
        }
        var file = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : null;
        if (file != null && (file.isBlank() || file.contains(":memory:") || file.contains("mode=memory"))) {
            section.problems().error(section.path("url"), section.line("url"), "an in-memory SQLite database is not"
                    + " supported: each pooled connection would see its own empty database; name a file, such as"
                    + " jdbc:sqlite:data/warden.db");
        }
                var user = section.string("user");
        var password = section.string("password");
        return new DatabaseConfig(url, user == null || user.isBlank() ? null : user.strip(),
                password == null || password.isEmpty() ? null : new Secret(password),
                section.integer("pool_size", defaults.poolSize(), 1, 200),
                section.duration("refresh_interval", defaults.refreshInterval(), false));
    }

    static SecretsConfig secrets(@Nullable Section section, @Nullable Path baseDirectory) {
        var defaults = SecretsConfig.DEFAULTS;
        if (section == null) {
            return defaults;
        }
        section.allowOnly(List.of("key", "key_file"));
        Secret key = null;
        var text = section.string("key");
        if (text != null && !text.isBlank()) {
            try {
                if (Base64.getDecoder().decode(text.strip()).length < 32) {
                    section.problems().error(section.path("key"), section.line("key"),
                            "the secret key must be base64 of at least 32 bytes (openssl rand -base64 32)");
                } else {
                    key = new Secret(text.strip());
                }
            } catch (IllegalArgumentException notBase64) {
                section.problems().error(section.path("key"), section.line("key"),
                        "the secret key is not valid base64 (generate one with: openssl rand -base64 32)");
            }
        }
        var file = defaults.keyFile();
        var fileName = section.string("key_file");
        if (fileName != null && !fileName.isBlank()) {
            try {
                file = baseDirectory == null ? Path.of(fileName.strip()) : baseDirectory.resolve(fileName.strip());
            } catch (InvalidPathException invalid) {
                section.problems().error(section.path("key_file"), section.line("key_file"),
                        "not a valid path: " + invalid.getReason());
            }
        }
        return new SecretsConfig(key, file);
    }
}

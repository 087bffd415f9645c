package dev.warden.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, empty database for one test: a SQLite file in a temporary directory, or a new database on the machine's
 * real PostgreSQL (127.0.0.1:5432, user postgres; override with WARDEN_TEST_PG_URL / WARDEN_TEST_PG_USER), dropped
 * on close. PostgreSQL tests do not skip: if the server is down they fail, as CI starts it.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Kind { SQLITE, POSTGRESQL }

    private static final String PG_BASE = System.getenv().getOrDefault("WARDEN_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = System.getenv().getOrDefault("WARDEN_TEST_PG_USER", "postgres");

    private final Kind kind;
    private final String url;
    private final String name;

    private TestDatabase(Kind kind, String url, String name) {
        this.kind = kind;
        this.url = url;
        this.name = name;
    }

    public static TestDatabase create(Kind kind) {
        return kind == Kind.SQLITE ? sqlite() : postgres();
    }

    public static TestDatabase sqlite() {
        try {
            var file = Files.createTempDirectory("warden-db").resolve("warden.db");
            return new TestDatabase(Kind.SQLITE, "jdbc:sqlite:" + file, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase postgres() {
        var name = "warden_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(Kind.POSTGRESQL, PG_BASE + name, name);
    }

    private static void admin(String sql) {
        try (var connection = DriverManager.getConnection(PG_BASE + "postgres", PG_USER, null);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_BASE + " is required (run .ci/run, which starts it): "
                    + e.getMessage(), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    /** The user to connect as; null for SQLite. */
    public String user() {
        return kind == Kind.POSTGRESQL ? PG_USER : null;
    }

    /** A {@code database:} YAML section for this database. */
    public String yaml() {
        return "database:\n  url: \"" + url + "\"\n" + (kind == Kind.POSTGRESQL ? "  user: " + PG_USER + "\n" : "")
                + "  refresh_interval: 200ms\n";
    }

    @Override
    public void close() {
        if (kind == Kind.POSTGRESQL) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

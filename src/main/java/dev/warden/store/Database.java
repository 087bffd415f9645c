package dev.warden.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The connection pool and schema of one database. Opening it migrates the schema to the latest version, so a new
 * SQLite file or an empty PostgreSQL database is ready at once, and every instance of a cluster agrees on the
 * schema (Flyway takes a lock while migrating).
 */
public final class Database implements AutoCloseable {
    public enum Kind { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Kind kind;

    private Database(HikariDataSource pool, Kind kind) {
        this.pool = pool;
        this.kind = kind;
    }

    /**
     * @param url {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Database open(String url, @Nullable String user, @Nullable String password, int poolSize) {
        var kind = url.startsWith("jdbc:sqlite:") ? Kind.SQLITE : Kind.POSTGRESQL;
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("warden-db");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (kind == Kind.SQLITE) {
            createParent(url.substring("jdbc:sqlite:".length()));
            // WAL lets readers run beside the one writer; the busy timeout makes a second writer wait, not fail.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "5000");
            // Every transaction here writes. A deferred one that reads first (rotation) cannot later upgrade to a
            // writer once another connection has committed (SQLITE_BUSY_SNAPSHOT, not retried by the busy
            // timeout); taking the write lock at BEGIN makes it wait its turn instead.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.setMaximumPoolSize(Math.min(poolSize, 4));
        } else {
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(Math.min(2, poolSize));
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException unreachable) {
            throw new StoreException("cannot open the database " + redact(url) + ": " + rootMessage(unreachable),
                    unreachable);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException failed) {
            pool.close();
            throw new StoreException("cannot migrate the database " + redact(url) + ": " + rootMessage(failed),
                    failed);
        }
        return new Database(pool, kind);
    }

    private static void createParent(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        var parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directory of " + file, e);
            }
        }
    }

    /** Passwords may sit in a JDBC URL's query; never print them. */
    static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static String rootMessage(Throwable error) {
        var root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public Kind kind() {
        return kind;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    /** Runs a read outside an explicit transaction. */
    public <T> T read(Work<T> work) {
        try (var connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    /** The latest revision; it only grows. */
    public long revision() {
        return read(connection -> {
            try (var statement = connection.prepareStatement("SELECT value FROM warden_revision WHERE id = 1");
                    var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Bumps the global revision inside the caller's transaction and returns the new value, which the caller stamps on
     * the rows it writes. On PostgreSQL the row lock also orders concurrent admin writes.
     */
    public static long nextRevision(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(
                "UPDATE warden_revision SET value = value + 1 WHERE id = 1 RETURNING value");
                var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        pool.close();
    }
}

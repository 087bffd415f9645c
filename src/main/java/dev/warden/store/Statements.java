package dev.warden.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/** Small JDBC steps the directory writes share: parameter binding, counting, and naming a duplicate. */
final class Statements {
    private Statements() {}

    /** Prepares {@code sql} with {@code values} bound in order (strings, longs, booleans or nulls). */
    static PreparedStatement prepare(Connection connection, String sql, @Nullable Object... values)
            throws SQLException {
        var statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                switch (values[i]) {
                    case null -> statement.setNull(i + 1, Types.VARCHAR);
                    case String text -> statement.setString(i + 1, text);
                    case Long number -> statement.setLong(i + 1, number);
                    case Boolean flag -> statement.setBoolean(i + 1, flag);
                    default -> throw new IllegalArgumentException("cannot bind " + values[i].getClass());
                }
            }
            return statement;
        } catch (SQLException | RuntimeException failed) {
            statement.close();
            throw failed;
        }
    }

    /** Runs an INSERT or UPDATE; a uniqueness violation becomes a conflict worded as {@code duplicate}. */
    static int write(Connection connection, String duplicate, String sql, @Nullable Object... values)
            throws SQLException {
        try (var statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            var failure = StoreException.of(e);
            throw failure.kind() == StoreException.Kind.CONFLICT
                    ? new StoreException(StoreException.Kind.CONFLICT, duplicate, e) : failure;
        }
    }

    static int execute(Connection connection, String sql, @Nullable Object... values) throws SQLException {
        try (var statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        }
    }

    static long count(Connection connection, String sql, @Nullable Object... values) throws SQLException {
        try (var statement = prepare(connection, sql, values); var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static StoreException conflict(String message) {
        return new StoreException(StoreException.Kind.CONFLICT, message, null);
    }
}

package dev.warden.store;

import java.sql.SQLException;

/**
 * A database failure. {@link Kind#CONFLICT} is a uniqueness violation (a duplicate name or alias) and
 * {@link Kind#REFERENCE} a foreign-key violation (an unknown or still-referenced id); callers turn those into 409 and
 * 422. The message never carries SQL or connection details.
 */
public final class StoreException extends RuntimeException {
    public enum Kind { CONFLICT, REFERENCE, UNAVAILABLE }

    private final Kind kind;

    StoreException(String message, Throwable cause) {
        this(Kind.UNAVAILABLE, message, cause);
    }

    StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Classifies by SQLSTATE (PostgreSQL) or by SQLite's extended result text. */
    static StoreException of(SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        var text = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("23505") || text.contains("SQLITE_CONSTRAINT_UNIQUE")
                || text.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
            return new StoreException(Kind.CONFLICT, "already exists", e);
        }
        if (state.equals("23503") || text.contains("SQLITE_CONSTRAINT_FOREIGNKEY")) {
            return new StoreException(Kind.REFERENCE, "refers to something that does not exist, or is still in use",
                    e);
        }
        return new StoreException(Kind.UNAVAILABLE, "the database failed: " + e.getClass().getSimpleName(), e);
    }
}

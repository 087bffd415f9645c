package dev.warden.store;

import dev.warden.identity.Grant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes tiers, organizations, teams, users and grants with plain SQL, each in a transaction that bumps and stamps
 * the revision as the store's own writes do (there is no JDBC writer for them yet).
 */
final class IdentityRows {
    private static final long CREATED = 1_790_000_000_000L;

    private final Database database;
    private final JsonColumns json = new JsonColumns();

    IdentityRows(Database database) {
        this.database = database;
    }

    void tier(String id, String... models) {
        write("INSERT INTO tiers (id, name, models, limits, metadata, created_at, updated_at, revision)"
                + " VALUES (?, ?, ?, '{\"rpm\":60}', '{}', ?, ?, ?)", id, id + "-name", json.strings(List.of(models)));
    }

    void org(String id, @Nullable String tier, String... models) {
        write("INSERT INTO orgs (id, name, tier_id, models, limits, metadata, created_at, updated_at, revision)"
                + " VALUES (?, ?, ?, ?, '{}', '{\"cost_center\":\"42\"}', ?, ?, ?)", id, id + "-name", tier,
                json.strings(List.of(models)));
    }

    void team(String id, String org, String... models) {
        write("INSERT INTO teams (id, org_id, name, tier_id, models, limits, metadata, created_at, updated_at,"
                + " revision) VALUES (?, ?, ?, NULL, ?, '{}', '{}', ?, ?, ?)", id, org, id + "-name",
                json.strings(List.of(models)));
    }

    void user(String id, @Nullable String org, String... teams) {
        write("INSERT INTO users (id, email, name, org_id, tier_id, models, limits, metadata, created_at, updated_at,"
                + " revision) VALUES (?, ?, NULL, ?, NULL, '[]', '{}', '{}', ?, ?, ?)", id, id + "@example.com", org);
        for (var team : teams) {
            database.inTransaction(connection -> execute(connection,
                    "INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", team, id));
        }
    }

    void grant(String user, Grant grant) {
        var scope = grant.team() != null ? "team:" + grant.team() : grant.org() != null ? "org:" + grant.org() : "";
        database.inTransaction(connection -> execute(connection,
                "INSERT INTO user_grants (user_id, role, scope, org_id, team_id) VALUES (?, ?, ?, ?, ?)", user,
                grant.role().wire(), scope, grant.org(), grant.team()));
    }

    /** Binds the strings given, then created_at, updated_at and a fresh revision. */
    private void write(String sql, @Nullable String... values) {
        database.inTransaction(connection -> {
            long revision = Database.nextRevision(connection);
            try (var statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (var value : values) {
                    statement.setString(i++, value);
                }
                statement.setLong(i++, CREATED);
                statement.setLong(i++, CREATED);
                statement.setLong(i, revision);
                statement.executeUpdate();
            }
            return null;
        });
    }

    private static @Nullable Void execute(Connection connection, String sql, @Nullable String... values)
            throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
        return null;
    }

    /** The revision column of one row. */
    long revisionOf(String table, String id) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT revision FROM " + table + " WHERE "
                    + (table.equals("deployments") ? "name" : "id") + " = ?")) {
                statement.setString(1, id);
                try (var rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new AssertionError("no row " + id + " in " + table);
                    }
                    return rows.getLong(1);
                }
            }
        });
    }
}

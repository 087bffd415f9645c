package dev.warden.store;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Directory;
import dev.warden.identity.Grant;
import dev.warden.identity.IdentityStore;
import dev.warden.identity.Org;
import dev.warden.identity.Role;
import dev.warden.identity.Team;
import dev.warden.identity.Tier;
import dev.warden.identity.User;
import dev.warden.identity.VirtualKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The read side of identity for the gateway's in-memory key ring; see {@link IdentityStore}. */
public final class JdbcIdentityStore implements IdentityStore {
    static final String KEY_COLUMNS = "id, hash, prefix, alias, user_id, team_id, org_id, tier_id, models, endpoints,"
            + " deployments, pinned_deployment, limits, expires_at, metadata, tags, enabled, created_at, updated_at,"
            + " last_used_at, revoked_at";

    private final Database database;
    private final JsonColumns json;

    public JdbcIdentityStore(Database database, JsonColumns json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public long revision() {
        return database.revision();
    }

    @Override
    public Directory directory() {
        return database.read(connection -> Directory.of(orgs(connection), teams(connection), users(connection),
                tiers(connection)));
    }

    @Override
    public List<VirtualKey> keysChangedSince(long revision) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + KEY_COLUMNS + " FROM virtual_keys WHERE revision > ?")) {
                statement.setLong(1, revision);
                try (var rows = statement.executeQuery()) {
                    var keys = new ArrayList<VirtualKey>();
                    while (rows.next()) {
                        keys.add(key(rows, json));
                    }
                    return keys;
                }
            }
        });
    }

    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        if (lastUsedByKeyId.isEmpty()) {
            return;
        }
        // No revision bump: last-used times are informational and must not make every instance reload keys.
        database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE virtual_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
                for (var entry : lastUsedByKeyId.entrySet()) {
                    long millis = entry.getValue().toEpochMilli();
                    statement.setLong(1, millis);
                    statement.setString(2, entry.getKey());
                    statement.setLong(3, millis);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** Maps a row selected with {@link #KEY_COLUMNS}. */
    static VirtualKey key(ResultSet rows, JsonColumns json) throws SQLException {
        var endpoints = json.strings(rows.getString("endpoints")).stream()
                .map(name -> ApiEndpoint.parse(name).orElseThrow(() -> new IllegalStateException(
                        "stored key has unknown endpoint " + name)))
                .collect(Collectors.toSet());
        return new VirtualKey(rows.getString("id"), rows.getString("hash"), rows.getString("prefix"),
                rows.getString("alias"), rows.getString("user_id"), rows.getString("team_id"),
                rows.getString("org_id"), rows.getString("tier_id"), json.strings(rows.getString("models")), endpoints,
                new HashSet<>(json.strings(rows.getString("deployments"))), rows.getString("pinned_deployment"),
                json.limits(rows.getString("limits")), instant(rows, "expires_at"),
                json.map(rows.getString("metadata")), json.strings(rows.getString("tags")), rows.getBoolean("enabled"),
                Instant.ofEpochMilli(rows.getLong("created_at")), Instant.ofEpochMilli(rows.getLong("updated_at")),
                instant(rows, "last_used_at"), instant(rows, "revoked_at"));
    }

    static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private List<Tier> tiers(Connection connection) throws SQLException {
        var tiers = new ArrayList<Tier>();
        try (var statement = connection.prepareStatement(
                "SELECT id, name, models, limits, metadata, created_at FROM tiers"); var rows = statement.executeQuery()) {
            while (rows.next()) {
                tiers.add(new Tier(rows.getString("id"), rows.getString("name"), json.strings(rows.getString("models")),
                        json.limits(rows.getString("limits")), json.map(rows.getString("metadata")),
                        Instant.ofEpochMilli(rows.getLong("created_at"))));
            }
        }
        return tiers;
    }

    private List<Org> orgs(Connection connection) throws SQLException {
        var orgs = new ArrayList<Org>();
        try (var statement = connection.prepareStatement(
                "SELECT id, name, tier_id, models, limits, metadata, created_at FROM orgs");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                orgs.add(new Org(rows.getString("id"), rows.getString("name"), rows.getString("tier_id"),
                        json.strings(rows.getString("models")), json.limits(rows.getString("limits")),
                        json.map(rows.getString("metadata")), Instant.ofEpochMilli(rows.getLong("created_at"))));
            }
        }
        return orgs;
    }

    private List<Team> teams(Connection connection) throws SQLException {
        var teams = new ArrayList<Team>();
        try (var statement = connection.prepareStatement(
                "SELECT id, org_id, name, tier_id, models, limits, metadata, created_at FROM teams");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                teams.add(new Team(rows.getString("id"), rows.getString("org_id"), rows.getString("name"),
                        rows.getString("tier_id"), json.strings(rows.getString("models")),
                        json.limits(rows.getString("limits")), json.map(rows.getString("metadata")),
                        Instant.ofEpochMilli(rows.getLong("created_at"))));
            }
        }
        return teams;
    }

    private List<User> users(Connection connection) throws SQLException {
        Map<String, List<String>> memberships = new HashMap<>();
        try (var statement = connection.prepareStatement("SELECT team_id, user_id FROM team_members ORDER BY team_id");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                memberships.computeIfAbsent(rows.getString("user_id"), id -> new ArrayList<>())
                        .add(rows.getString("team_id"));
            }
        }
        Map<String, Set<Grant>> grants = new HashMap<>();
        try (var statement = connection.prepareStatement("SELECT user_id, role, org_id, team_id FROM user_grants");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                var role = Role.parse(rows.getString("role")).orElseThrow(() -> new IllegalStateException(
                        "stored grant has an unknown role"));
                grants.computeIfAbsent(rows.getString("user_id"), id -> new HashSet<>())
                        .add(new Grant(role, rows.getString("org_id"), rows.getString("team_id")));
            }
        }
        var users = new ArrayList<User>();
        try (var statement = connection.prepareStatement(
                "SELECT id, email, name, org_id, tier_id, models, limits, metadata, created_at FROM users");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                var id = rows.getString("id");
                users.add(new User(id, rows.getString("email"), rows.getString("name"), rows.getString("org_id"),
                        memberships.getOrDefault(id, List.of()), grants.getOrDefault(id, Set.of()),
                        rows.getString("tier_id"), json.strings(rows.getString("models")),
                        json.limits(rows.getString("limits")), json.map(rows.getString("metadata")),
                        Instant.ofEpochMilli(rows.getLong("created_at"))));
            }
        }
        return users;
    }
}

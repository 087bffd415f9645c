package dev.warden.store;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.KeyStore;
import dev.warden.identity.KeyStore.Reach;
import dev.warden.identity.VirtualKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Virtual keys in the {@code virtual_keys} table. */
public final class JdbcKeyStore implements KeyStore {
    private static final String QUALIFIED_KEY_COLUMNS = Arrays.stream(
            JdbcIdentityStore.KEY_COLUMNS.split(",")).map(column -> "k." + column.strip())
            .collect(Collectors.joining(", "));
    /** The organization a key is owned in: its own, or else its team's, or else its user's (as Directory.ownerOf). */
    private static final String OWNING_ORG = "COALESCE(k.org_id, t.org_id, u.org_id)";

    private final Database database;
    private final JsonColumns json;

    public JdbcKeyStore(Database database, JsonColumns json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public VirtualKey insert(VirtualKey key) {
        return database.inTransaction(connection -> {
            insert(connection, key, Database.nextRevision(connection));
            return key;
        });
    }

    void insert(Connection connection, VirtualKey key, long revision) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO virtual_keys (" + JdbcIdentityStore.KEY_COLUMNS
                + ", revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, key.id());
            statement.setString(2, key.hash());
            statement.setString(3, key.prefix());
            int next = bindAttributes(statement, 4, key);
            statement.setLong(next++, key.created().toEpochMilli());
            statement.setLong(next++, key.updated().toEpochMilli());
            setInstant(statement, next++, key.lastUsed());
            setInstant(statement, next++, key.revokedAt());
            statement.setLong(next, revision);
            executeNamingAlias(statement, key);
        }
    }

    /** Runs the statement; a uniqueness violation is the alias (the hash is 256 random bits). */
    private static int executeNamingAlias(PreparedStatement statement, VirtualKey key) throws SQLException {
        try {
            return statement.executeUpdate();
        } catch (SQLException e) {
            var failure = StoreException.of(e);
            throw failure.kind() == StoreException.Kind.CONFLICT && key.alias() != null
                    ? new StoreException(StoreException.Kind.CONFLICT,
                            "a key with the alias '" + key.alias() + "' already exists", e)
                    : failure;
        }
    }

    /** Binds alias … enabled (14 columns) from {@code first}; returns the next index. */
    private int bindAttributes(PreparedStatement statement, int first, VirtualKey key) throws SQLException {
        int i = first;
        statement.setString(i++, key.alias());
        statement.setString(i++, key.userId());
        statement.setString(i++, key.teamId());
        statement.setString(i++, key.orgId());
        statement.setString(i++, key.tierId());
        statement.setString(i++, json.strings(key.models()));
        statement.setString(i++, json.strings(key.endpoints().stream().map(ApiEndpoint::wire).sorted().toList()));
        statement.setString(i++, json.strings(key.deployments().stream().sorted().toList()));
        statement.setString(i++, key.pinnedDeployment());
        statement.setString(i++, json.limits(key.limits()));
        setInstant(statement, i++, key.expiresAt());
        statement.setString(i++, json.map(key.metadata()));
        statement.setString(i++, json.strings(key.tags()));
        statement.setBoolean(i++, key.enabled());
        return i;
    }

    private static void setInstant(PreparedStatement statement, int index, @Nullable Instant value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Optional<VirtualKey> find(String id) {
        return database.read(connection -> find(connection, id));
    }

    private Optional<VirtualKey> find(Connection connection, String id) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT " + JdbcIdentityStore.KEY_COLUMNS + " FROM virtual_keys WHERE id = ?")) {
            statement.setString(1, id);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(JdbcIdentityStore.key(rows, json)) : Optional.empty();
            }
        }
    }

    @Override
    public List<VirtualKey> list(Filter filter) {
        var sql = new StringBuilder("SELECT " + QUALIFIED_KEY_COLUMNS + " FROM virtual_keys k"
                + " LEFT JOIN teams t ON t.id = k.team_id LEFT JOIN users u ON u.id = k.user_id WHERE 1 = 1");
        var arguments = new ArrayList<String>();
        if (filter.user() != null) {
            sql.append(" AND k.user_id = ?");
            arguments.add(filter.user());
        }
        if (filter.team() != null) {
            sql.append(" AND k.team_id = ?");
            arguments.add(filter.team());
        }
        if (filter.org() != null) {
            sql.append(" AND ").append(OWNING_ORG).append(" = ?");
            arguments.add(filter.org());
        }
        if (filter.reach() != null) {
            reach(sql, arguments, filter.reach());
        }
        if (!filter.includeRevoked()) {
            sql.append(" AND k.revoked_at IS NULL");
        }
        sql.append(" ORDER BY k.created_at DESC, k.id LIMIT ? OFFSET ?");
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (var argument : arguments) {
                    statement.setString(i++, argument);
                }
                statement.setInt(i++, filter.limit());
                statement.setInt(i, filter.offset());
                try (var rows = statement.executeQuery()) {
                    var keys = new ArrayList<VirtualKey>();
                    while (rows.next()) {
                        keys.add(JdbcIdentityStore.key(rows, json));
                    }
                    return keys;
                }
            }
        });
    }

    /** Appends the union of the reach's sets; an empty reach matches nothing. */
    private static void reach(StringBuilder sql, List<String> arguments, Reach reach) {
        var alternatives = new ArrayList<String>();
        if (!reach.orgs().isEmpty()) {
            alternatives.add(OWNING_ORG + " IN (" + placeholders(reach.orgs().size()) + ")");
            arguments.addAll(reach.orgs().stream().sorted().toList());
        }
        if (!reach.teams().isEmpty()) {
            alternatives.add("k.team_id IN (" + placeholders(reach.teams().size()) + ")");
            arguments.addAll(reach.teams().stream().sorted().toList());
        }
        if (!reach.users().isEmpty()) {
            alternatives.add("k.user_id IN (" + placeholders(reach.users().size()) + ")");
            arguments.addAll(reach.users().stream().sorted().toList());
        }
        sql.append(alternatives.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alternatives) + ")");
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    @Override
    public VirtualKey update(VirtualKey key) {
        return database.inTransaction(connection -> {
            update(connection, key, Database.nextRevision(connection));
            return key;
        });
    }

    private void update(Connection connection, VirtualKey key, long revision) throws SQLException {
        try (var statement = connection.prepareStatement("UPDATE virtual_keys SET alias = ?, user_id = ?, team_id = ?,"
                + " org_id = ?, tier_id = ?, models = ?, endpoints = ?, deployments = ?, pinned_deployment = ?,"
                + " limits = ?, expires_at = ?, metadata = ?, tags = ?, enabled = ?, updated_at = ?, revoked_at = ?,"
                + " revision = ? WHERE id = ?")) {
            int next = bindAttributes(statement, 1, key);
            statement.setLong(next++, key.updated().toEpochMilli());
            setInstant(statement, next++, key.revokedAt());
            statement.setLong(next++, revision);
            statement.setString(next, key.id());
            if (executeNamingAlias(statement, key) != 1) {
                throw new NoSuchElementException("no key " + key.id());
            }
        }
    }

    @Override
    public VirtualKey rotate(String oldKeyId, Instant oldKeyExpires, VirtualKey replacement) {
        return database.inTransaction(connection -> {
            var old = find(connection, oldKeyId).orElseThrow(() -> new NoSuchElementException("no key " + oldKeyId));
            long revision = Database.nextRevision(connection);
            var expires = old.expiresAt() != null && old.expiresAt().isBefore(oldKeyExpires) ? old.expiresAt()
                    : oldKeyExpires;
            update(connection, withExpiry(old, expires, replacement.created()), revision);
            insert(connection, replacement, revision);
            return replacement;
        });
    }

    private static VirtualKey withExpiry(VirtualKey key, Instant expires, Instant now) {
        // The alias moves to the replacement, which is stored in the same transaction.
        return new VirtualKey(key.id(), key.hash(), key.prefix(), null, key.userId(), key.teamId(),
                key.orgId(), key.tierId(), key.models(), key.endpoints(), key.deployments(), key.pinnedDeployment(),
                key.limits(), expires, key.metadata(), key.tags(), key.enabled(), key.created(), now, key.lastUsed(),
                key.revokedAt());
    }
}

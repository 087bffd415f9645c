package dev.warden.store;

import static dev.warden.store.JdbcDirectoryStore.found;
import static dev.warden.store.JdbcDirectoryStore.plural;
import static dev.warden.store.Statements.conflict;
import static dev.warden.store.Statements.count;
import static dev.warden.store.Statements.execute;

import dev.warden.identity.Grant;
import dev.warden.identity.User;
import dev.warden.identity.VirtualKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;

/** Users with their team memberships and roles, written inside the caller's transaction. */
final class UserRows {
    private final JsonColumns json;
    private final JdbcKeyStore keys;

    UserRows(JsonColumns json, JdbcKeyStore keys) {
        this.json = json;
        this.keys = keys;
    }

    void insert(Connection connection, User user, long revision, long now) throws SQLException {
        Statements.write(connection, emailExists(user.email()),
                "INSERT INTO users (id, email, name, org_id, tier_id, models, limits, metadata, created_at,"
                        + " updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", user.id(), user.email(),
                user.name(), user.orgId(), user.tierId(), json.strings(user.models()), json.limits(user.limits()),
                json.map(user.metadata()), user.created().toEpochMilli(), now, revision);
        insertMemberships(connection, user.id(), user.teamIds());
        insertGrants(connection, user.id(), user.grants());
    }

    void update(Connection connection, User user, long revision, long now) throws SQLException {
        found(Statements.write(connection, emailExists(user.email()),
                "UPDATE users SET email = ?, name = ?, org_id = ?, tier_id = ?, models = ?, limits = ?, metadata = ?,"
                        + " updated_at = ?, revision = ? WHERE id = ?", user.email(), user.name(), user.orgId(),
                user.tierId(), json.strings(user.models()), json.limits(user.limits()), json.map(user.metadata()),
                now, revision, user.id()), "user", user.id());
        execute(connection, "DELETE FROM team_members WHERE user_id = ?", user.id());
        insertMemberships(connection, user.id(), user.teamIds());
        execute(connection, "DELETE FROM user_grants WHERE user_id = ?", user.id());
        insertGrants(connection, user.id(), user.grants());
    }

    private static String emailExists(String email) {
        return "a user with the email '" + email + "' already exists";
    }

    void delete(Connection connection, String id) throws SQLException {
        long active = count(connection, "SELECT COUNT(*) FROM virtual_keys WHERE user_id = ? AND revoked_at IS NULL",
                id);
        if (active > 0) {
            throw conflict("the user still has " + plural(active, "unrevoked key") + "; revoke them first");
        }
        execute(connection, "DELETE FROM virtual_keys WHERE user_id = ?", id);
        execute(connection, "DELETE FROM team_members WHERE user_id = ?", id);
        execute(connection, "DELETE FROM user_grants WHERE user_id = ?", id);
        found(execute(connection, "DELETE FROM users WHERE id = ?", id), "user", id);
    }

    void addMember(Connection connection, String teamId, String userId, long revision) throws SQLException {
        Statements.write(connection, "the user is already a member of the team",
                "INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", teamId, userId);
        touch(connection, userId, revision);
    }

    void removeMember(Connection connection, String teamId, String userId, long revision) throws SQLException {
        found(execute(connection, "DELETE FROM team_members WHERE team_id = ? AND user_id = ?", teamId, userId),
                "membership of user", userId);
        touch(connection, userId, revision);
    }

    void setGrants(Connection connection, String userId, Set<Grant> grants, long revision) throws SQLException {
        touch(connection, userId, revision);
        execute(connection, "DELETE FROM user_grants WHERE user_id = ?", userId);
        insertGrants(connection, userId, grants);
    }

    void insertKey(Connection connection, VirtualKey key, long revision) throws SQLException {
        keys.insert(connection, key, revision);
    }

    /** Memberships and roles have no revision column: their user's row carries the change. */
    private static void touch(Connection connection, String userId, long revision) throws SQLException {
        found(execute(connection, "UPDATE users SET revision = ? WHERE id = ?", revision, userId), "user", userId);
    }

    private static void insertMemberships(Connection connection, String userId, Collection<String> teamIds)
            throws SQLException {
        for (var teamId : Set.copyOf(teamIds)) {
            execute(connection, "INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", teamId, userId);
        }
    }

    private static void insertGrants(Connection connection, String userId, Collection<Grant> grants)
            throws SQLException {
        for (var grant : grants) {
            var scope = grant.team() != null ? "team:" + grant.team() : grant.org() != null ? "org:" + grant.org() : "";
            execute(connection, "INSERT INTO user_grants (user_id, role, scope, org_id, team_id) VALUES (?, ?, ?, ?, ?)",
                    userId, grant.role().wire(), scope, grant.org(), grant.team());
        }
    }
}

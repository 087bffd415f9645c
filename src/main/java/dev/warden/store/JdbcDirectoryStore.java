package dev.warden.store;

import static dev.warden.store.Statements.conflict;
import static dev.warden.store.Statements.count;
import static dev.warden.store.Statements.execute;
import static dev.warden.store.Statements.write;

import dev.warden.identity.Directory;
import dev.warden.identity.DirectoryStore;
import dev.warden.identity.Grant;
import dev.warden.identity.Org;
import dev.warden.identity.Team;
import dev.warden.identity.Tier;
import dev.warden.identity.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Organizations, teams and tiers in their tables; users, memberships and roles through {@link UserRows}. Each
 * public method is one transaction that bumps the revision and stamps it on the rows it writes.
 */
public final class JdbcDirectoryStore implements DirectoryStore {
    private final Database database;
    private final JsonColumns json;
    private final InstantSource clock;
    private final JdbcIdentityStore reader;
    private final UserRows users;

    public JdbcDirectoryStore(Database database, JsonColumns json, InstantSource clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
        this.reader = new JdbcIdentityStore(database, json);
        this.users = new UserRows(json, new JdbcKeyStore(database, json));
    }

    @Override
    public Directory snapshot() {
        return reader.directory();
    }

    /** One write: a transaction with a new revision, handed to {@code work}. */
    private void write(RevisionWork work) {
        database.inTransaction(connection -> {
            work.run(connection, Database.nextRevision(connection), clock.millis());
            return null;
        });
    }

    @FunctionalInterface
    private interface RevisionWork {
        void run(Connection connection, long revision, long now) throws SQLException;
    }

    @Override
    public void createOrg(Org org) {
        write((connection, revision, now) -> Statements.write(connection, orgExists(org.name()),
                "INSERT INTO orgs (id, name, tier_id, models, limits, metadata, created_at, updated_at, revision)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", org.id(), org.name(), org.tierId(),
                json.strings(org.models()), json.limits(org.limits()), json.map(org.metadata()),
                org.created().toEpochMilli(), now, revision));
    }

    @Override
    public void updateOrg(Org org) {
        write((connection, revision, now) -> found(Statements.write(connection, orgExists(org.name()),
                "UPDATE orgs SET name = ?, tier_id = ?, models = ?, limits = ?, metadata = ?, updated_at = ?,"
                        + " revision = ? WHERE id = ?", org.name(), org.tierId(), json.strings(org.models()),
                json.limits(org.limits()), json.map(org.metadata()), now, revision, org.id()), "organization",
                org.id()));
    }

    private static String orgExists(String name) {
        return "an organization named '" + name + "' already exists";
    }

    @Override
    public void deleteOrg(String id) {
        write((connection, revision, now) -> {
            var uses = new ArrayList<String>();
            uses(uses, count(connection, "SELECT COUNT(*) FROM teams WHERE org_id = ?", id), "team");
            uses(uses, count(connection, "SELECT COUNT(*) FROM users WHERE org_id = ?", id), "user");
            uses(uses, count(connection, "SELECT COUNT(*) FROM virtual_keys WHERE org_id = ? AND revoked_at IS NULL",
                    id), "unrevoked key");
            if (!uses.isEmpty()) {
                throw conflict("the organization still has " + String.join(", ", uses)
                        + "; delete or revoke them first");
            }
            execute(connection, "DELETE FROM virtual_keys WHERE org_id = ?", id);
            execute(connection, "DELETE FROM user_grants WHERE org_id = ?", id);
            found(execute(connection, "DELETE FROM orgs WHERE id = ?", id), "organization", id);
        });
    }

    @Override
    public void createTeam(Team team) {
        write((connection, revision, now) -> Statements.write(connection, teamExists(team.name()),
                "INSERT INTO teams (id, org_id, name, tier_id, models, limits, metadata, created_at, updated_at,"
                        + " revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", team.id(), team.orgId(), team.name(),
                team.tierId(), json.strings(team.models()), json.limits(team.limits()), json.map(team.metadata()),
                team.created().toEpochMilli(), now, revision));
    }

    @Override
    public void updateTeam(Team team) {
        write((connection, revision, now) -> found(Statements.write(connection, teamExists(team.name()),
                "UPDATE teams SET name = ?, tier_id = ?, models = ?, limits = ?, metadata = ?, updated_at = ?,"
                        + " revision = ? WHERE id = ?", team.name(), team.tierId(), json.strings(team.models()),
                json.limits(team.limits()), json.map(team.metadata()), now, revision, team.id()), "team",
                team.id()));
    }

    private static String teamExists(String name) {
        return "a team named '" + name + "' already exists in this organization";
    }

    @Override
    public void deleteTeam(String id) {
        write((connection, revision, now) -> {
            long keys = count(connection, "SELECT COUNT(*) FROM virtual_keys WHERE team_id = ? AND revoked_at IS NULL",
                    id);
            if (keys > 0) {
                throw conflict("the team still has " + plural(keys, "unrevoked key")
                        + "; revoke them first");
            }
            execute(connection, "UPDATE users SET revision = ? WHERE id IN (SELECT user_id FROM team_members"
                    + " WHERE team_id = ?) OR id IN (SELECT user_id FROM user_grants WHERE team_id = ?)", revision,
                    id, id);
            execute(connection, "DELETE FROM virtual_keys WHERE team_id = ?", id);
            execute(connection, "DELETE FROM team_members WHERE team_id = ?", id);
            execute(connection, "DELETE FROM user_grants WHERE team_id = ?", id);
            found(execute(connection, "DELETE FROM teams WHERE id = ?", id), "team", id);
        });
    }

    @Override
    public void createTier(Tier tier) {
        write((connection, revision, now) -> Statements.write(connection, tierExists(tier.name()),
                "INSERT INTO tiers (id, name, models, limits, metadata, created_at, updated_at, revision)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tier.id(), tier.name(), json.strings(tier.models()),
                json.limits(tier.limits()), json.map(tier.metadata()), tier.created().toEpochMilli(), now,
                revision));
    }

    @Override
    public void updateTier(Tier tier) {
        write((connection, revision, now) -> found(Statements.write(connection, tierExists(tier.name()),
                "UPDATE tiers SET name = ?, models = ?, limits = ?, metadata = ?, updated_at = ?, revision = ?"
                        + " WHERE id = ?", tier.name(), json.strings(tier.models()), json.limits(tier.limits()),
                json.map(tier.metadata()), now, revision, tier.id()), "tier", tier.id()));
    }

    private static String tierExists(String name) {
        return "a tier named '" + name + "' already exists";
    }

    @Override
    public void deleteTier(String id) {
        write((connection, revision, now) -> {
            var uses = new ArrayList<String>();
            uses(uses, count(connection, "SELECT COUNT(*) FROM orgs WHERE tier_id = ?", id), "organization");
            uses(uses, count(connection, "SELECT COUNT(*) FROM teams WHERE tier_id = ?", id), "team");
            uses(uses, count(connection, "SELECT COUNT(*) FROM users WHERE tier_id = ?", id), "user");
            uses(uses, count(connection, "SELECT COUNT(*) FROM virtual_keys WHERE tier_id = ? AND revoked_at IS NULL",
                    id), "unrevoked key");
            if (!uses.isEmpty()) {
                throw conflict("the tier is still used by " + String.join(", ", uses));
            }
            // Revoked keys keep their history but let go of the tier.
            execute(connection, "UPDATE virtual_keys SET tier_id = NULL, revision = ? WHERE tier_id = ?", revision,
                    id);
            found(execute(connection, "DELETE FROM tiers WHERE id = ?", id), "tier", id);
        });
    }

    @Override
    public void createUser(User user) {
        write((connection, revision, now) -> users.insert(connection, user, revision, now));
    }

    @Override
    public void updateUser(User user) {
        write((connection, revision, now) -> users.update(connection, user, revision, now));
    }

    @Override
    public void deleteUser(String id) {
        write((connection, revision, now) -> users.delete(connection, id));
    }

    @Override
    public void addMember(String teamId, String userId) {
        write((connection, revision, now) -> users.addMember(connection, teamId, userId, revision));
    }

    @Override
    public void removeMember(String teamId, String userId) {
        write((connection, revision, now) -> users.removeMember(connection, teamId, userId, revision));
    }

    @Override
    public void setGrants(String userId, Set<Grant> grants) {
        write((connection, revision, now) -> users.setGrants(connection, userId, grants, revision));
    }

    @Override
    public void enroll(Enrollment enrollment, boolean dryRun) {
        write((connection, revision, now) -> {
            if (enrollment.newUser() != null) {
                users.insert(connection, enrollment.newUser(), revision, now);
            }
            users.insertKey(connection, enrollment.key(), revision);
            if (dryRun) {
                connection.rollback();
            }
        });
    }

    static void found(int rows, String what, String id) {
        if (rows == 0) {
            throw new NoSuchElementException("no " + what + " '" + id + "'");
        }
    }

    private static void uses(List<String> uses, long count, String what) {
        if (count > 0) {
            uses.add(plural(count, what));
        }
    }

    static String plural(long count, String what) {
        return count + " " + what + (count == 1 ? "" : "s");
    }
}

package dev.warden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.DirectoryStore;
import dev.warden.identity.Grant;
import dev.warden.identity.Limits;
import dev.warden.identity.Org;
import dev.warden.identity.Team;
import dev.warden.identity.User;
import dev.warden.identity.VirtualKey;
import dev.warden.testkit.TestDatabase;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Directory writes are whole or nothing, stamp the revision, and refuse what would break a reference. */
class JdbcDirectoryStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static User user(String id, String email, String org, List<String> teams, Set<Grant> grants) {
        return new User(id, email, null, org, teams, grants, null, List.of(), Limits.NONE, Map.of(), NOW);
    }

    private static VirtualKey key(String id, String alias, String userId) {
        return new VirtualKey(id, "hash-" + id, "wk-abcdef…", alias, userId, null, null, null, List.of(),
                Set.of(ApiEndpoint.CHAT), Set.of(), null, Limits.NONE, null, Map.of(), List.of(), true, NOW, NOW,
                null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailingMultiRowWriteLeavesNothingBehind(TestDatabase.Kind kind) {
        try (var db = TestDatabase.create(kind); var database = Database.open(db.url(), db.user(), null, 2)) {
            var store = new JdbcDirectoryStore(database, new JsonColumns(), InstantSource.fixed(NOW));
            var identity = new JdbcIdentityStore(database, new JsonColumns());
            store.createOrg(new Org("org_a", "acme", null, List.of(), Limits.NONE, Map.of(), NOW));
            store.createTeam(new Team("team_a", "org_a", "research", null, List.of(), Limits.NONE, Map.of(), NOW));
            long revision = identity.revision();

            // The users row and the first membership are written before the unknown team fails the transaction.
            assertThatThrownBy(() -> store.createUser(user("usr_1", "ada@example.com", "org_a",
                    List.of("team_a", "team_missing"), Set.of(Grant.teamAdmin("org_a", "team_a")))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.REFERENCE));
            assertThat(rows(database, "users")).isZero();
            assertThat(rows(database, "team_members")).isZero();
            assertThat(rows(database, "user_grants")).isZero();
            assertThat(identity.revision()).as("the revision bump was rolled back too").isEqualTo(revision);

            // A new user with a key whose alias is taken: neither lands.
            store.createUser(user("usr_2", "bob@example.com", "org_a", List.of("team_a"), Set.of()));
            store.enroll(new DirectoryStore.Enrollment(null, key("key_1", "laptop", "usr_2")), false);
            assertThatThrownBy(() -> store.enroll(new DirectoryStore.Enrollment(
                    user("usr_3", "cy@example.com", null, List.of(), Set.of()), key("key_2", "laptop", "usr_3")), false))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT);
                        assertThat(e.getMessage()).isEqualTo("a key with the alias 'laptop' already exists");
                    });
            assertThat(store.snapshot().users()).containsOnlyKeys("usr_2");

            // A dry run checks everything and keeps nothing.
            store.enroll(new DirectoryStore.Enrollment(user("usr_4", "di@example.com", null, List.of(), Set.of()),
                    key("key_3", "desk", "usr_4")), true);
            assertThat(store.snapshot().users()).containsOnlyKeys("usr_2");
            assertThat(rows(database, "virtual_keys")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void membershipAndRoleChangesStampTheUserWithANewRevision(TestDatabase.Kind kind) {
        try (var db = TestDatabase.create(kind); var database = Database.open(db.url(), db.user(), null, 2)) {
            var store = new JdbcDirectoryStore(database, new JsonColumns(), InstantSource.fixed(NOW));
            var identity = new JdbcIdentityStore(database, new JsonColumns());
            store.createOrg(new Org("org_a", "acme", null, List.of(), Limits.NONE, Map.of(), NOW));
            store.createTeam(new Team("team_a", "org_a", "research", null, List.of(), Limits.NONE, Map.of(), NOW));
            store.createUser(user("usr_1", "ada@example.com", "org_a", List.of(), Set.of()));
            store.addMember("team_a", "usr_1");
            assertThat(userRevision(database)).isEqualTo(identity.revision());
            store.setGrants("usr_1", Set.of(Grant.orgAdmin("org_a")));
            assertThat(userRevision(database)).isEqualTo(identity.revision());
            var stored = store.snapshot().users().get("usr_1");
            assertThat(stored.teamIds()).containsExactly("team_a");
            assertThat(stored.grants()).containsExactly(Grant.orgAdmin("org_a"));
            assertThatThrownBy(() -> store.addMember("team_a", "usr_1")).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
            assertThatThrownBy(() -> store.deleteOrg("org_a")).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(
                            "the organization still has 1 team, 1 user; delete or revoke them first"));
            store.removeMember("team_a", "usr_1");
            store.deleteTeam("team_a");
            store.deleteUser("usr_1");
            store.deleteOrg("org_a");
            assertThat(store.snapshot().orgs()).isEmpty();
            assertThat(rows(database, "user_grants")).isZero();
        }
    }

    private static long userRevision(Database database) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT revision FROM users WHERE id = 'usr_1'");
                    var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static long rows(Database database, String table) {
        return database.read(connection -> Statements.count(connection, "SELECT COUNT(*) FROM " + table));
    }
}

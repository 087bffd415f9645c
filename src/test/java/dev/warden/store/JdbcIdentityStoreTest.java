package dev.warden.store;

import static dev.warden.testkit.KeyBuilder.T0;
import static dev.warden.testkit.KeyBuilder.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.identity.Grant;
import dev.warden.identity.Limits;
import dev.warden.identity.Role;
import dev.warden.identity.VirtualKey;
import dev.warden.registry.StoredDeployment;
import dev.warden.testkit.KeyBuilder;
import dev.warden.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcIdentityStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase db;
    private Database database;
    private JdbcKeyStore keys;
    private JdbcIdentityStore identity;
    private IdentityRows rows;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind);
        database = Database.open(db.url(), db.user(), null, 4);
        keys = new JdbcKeyStore(database, new JsonColumns());
        identity = new JdbcIdentityStore(database, new JsonColumns());
        rows = new IdentityRows(database);
    }

    @AfterEach
    void close() {
        database.close();
        db.close();
    }

    private static List<String> ids(List<VirtualKey> list) {
        return list.stream().map(VirtualKey::id).toList();
    }

    @Test
    void theRevisionGrowsByOneOnEveryWriteAndIsStampedOnTheRowsWritten() {
        assertThat(identity.revision()).isZero();
        keys.insert(key("a").build());
        assertThat(identity.revision()).isEqualTo(1);
        assertThat(rows.revisionOf("virtual_keys", "a")).isEqualTo(1);

        keys.insert(key("b").build());
        assertThat(identity.revision()).isEqualTo(2);
        assertThat(rows.revisionOf("virtual_keys", "b")).isEqualTo(2);
        assertThat(rows.revisionOf("virtual_keys", "a")).as("untouched rows keep theirs").isEqualTo(1);

        keys.update(KeyBuilder.from(keys.find("a").orElseThrow()).tags("changed").build());
        assertThat(identity.revision()).isEqualTo(3);
        assertThat(rows.revisionOf("virtual_keys", "a")).isEqualTo(3);

        keys.rotate("b", T0.plusSeconds(60), key("c").build());
        assertThat(identity.revision()).isEqualTo(4);
        assertThat(rows.revisionOf("virtual_keys", "b")).isEqualTo(4);
        assertThat(rows.revisionOf("virtual_keys", "c")).isEqualTo(4);

        var deployments = new JdbcDeploymentStore(database);
        var stored = deployments.insert(new StoredDeployment("d", "{\"name\":\"d\"}", T0, T0, 0));
        assertThat(stored.revision()).isEqualTo(5);
        assertThat(deployments.revision()).isEqualTo(5);
        deployments.update(new StoredDeployment("d", "{\"name\":\"d\",\"x\":1}", T0, T0, 0));
        assertThat(identity.revision()).isEqualTo(6);
        deployments.delete("d");
        assertThat(identity.revision()).isEqualTo(7);

        rows.org("acme", null);
        assertThat(identity.revision()).isEqualTo(8);
    }

    @Test
    void keysChangedSinceReturnsExactlyTheKeysWrittenAfterTheRevision() {
        keys.insert(key("a").build());
        keys.insert(key("b").build());
        keys.insert(key("c").build());
        long afterInserts = identity.revision();
        keys.update(KeyBuilder.from(keys.find("b").orElseThrow()).enabled(false).build());

        assertThat(ids(identity.keysChangedSince(0))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids(identity.keysChangedSince(1))).containsExactlyInAnyOrder("b", "c");
        assertThat(ids(identity.keysChangedSince(afterInserts))).containsExactly("b");
        assertThat(identity.keysChangedSince(afterInserts).getFirst().enabled()).isFalse();
        assertThat(identity.keysChangedSince(identity.revision())).isEmpty();
        // Writes to other tables move the revision but change no key.
        rows.org("acme", null);
        assertThat(identity.keysChangedSince(afterInserts + 1)).isEmpty();
    }

    @Test
    void keysChangedSinceIncludesRevokedAndExpiredKeys() {
        keys.insert(key("revoked").revoked(T0).build());
        keys.insert(key("expired").expires(T0.minusSeconds(1)).build());
        assertThat(ids(identity.keysChangedSince(0))).containsExactlyInAnyOrder("revoked", "expired");
    }

    @Test
    void lastUsedOnlyMovesForwardAndDoesNotBumpTheRevision() {
        keys.insert(key("a").build());
        keys.insert(key("b").lastUsed(T0.plusSeconds(100)).build());
        long revision = identity.revision();

        identity.recordLastUsed(Map.of("a", T0.plusSeconds(50), "b", T0.plusSeconds(10), "ghost", T0));
        assertThat(keys.find("a").orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(50));
        assertThat(keys.find("b").orElseThrow().lastUsed()).as("never backwards").isEqualTo(T0.plusSeconds(100));

        identity.recordLastUsed(Map.of("a", T0.plusSeconds(40)));
        assertThat(keys.find("a").orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(50));
        identity.recordLastUsed(Map.of("a", T0.plusSeconds(60), "b", T0.plusSeconds(200)));
        assertThat(keys.find("a").orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(60));
        assertThat(keys.find("b").orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(200));
        identity.recordLastUsed(Map.of());

        assertThat(identity.revision()).isEqualTo(revision);
        assertThat(identity.keysChangedSince(revision)).isEmpty();
        assertThat(rows.revisionOf("virtual_keys", "a")).isEqualTo(1);
    }

    @Test
    void anUpdateCarryingAStaleLastUsedDoesNotSeeItStored() {
        keys.insert(key("a").build());
        var loaded = keys.find("a").orElseThrow();
        identity.recordLastUsed(Map.of("a", T0.plusSeconds(50)));
        // An admin edit made from a copy read before the key was used: update leaves last_used_at alone.
        keys.update(KeyBuilder.from(loaded).tags("edited").build());
        assertThat(keys.find("a").orElseThrow().lastUsed()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void theDirectoryHoldsEveryOrgTeamUserTierMembershipAndGrant() {
        rows.tier("gold", "gpt-4o*", "llama-*");
        rows.org("acme", "gold");
        rows.org("beta", null, "claude-*");
        rows.team("ml", "acme", "llama-*");
        rows.team("web", "acme");
        rows.user("ann", "acme", "ml", "web");
        rows.user("bob", null);
        rows.grant("ann", Grant.orgAdmin("acme"));
        rows.grant("ann", Grant.teamAdmin("acme", "ml"));
        rows.grant("bob", Grant.ADMIN);
        rows.grant("bob", new Grant(Role.VIEWER, null, "web"));

        var directory = identity.directory();

        assertThat(directory.tiers()).containsOnlyKeys("gold");
        var gold = directory.tiers().get("gold");
        assertThat(gold.models()).containsExactly("gpt-4o*", "llama-*");
        assertThat(gold.limits()).isEqualTo(new Limits(60L, null, null, null, null));
        assertThat(gold.created()).isEqualTo(Instant.ofEpochMilli(1_790_000_000_000L));
        assertThat(directory.orgs()).containsOnlyKeys("acme", "beta");
        assertThat(directory.orgs().get("acme").tierId()).isEqualTo("gold");
        assertThat(directory.orgs().get("acme").metadata()).containsExactly(Map.entry("cost_center", "42"));
        assertThat(directory.orgs().get("beta").models()).containsExactly("claude-*");
        assertThat(directory.teams().get("ml").orgId()).isEqualTo("acme");
        assertThat(directory.teams().get("ml").models()).containsExactly("llama-*");
        var ann = directory.users().get("ann");
        assertThat(ann.email()).isEqualTo("ann@example.com");
        assertThat(ann.orgId()).isEqualTo("acme");
        assertThat(ann.teamIds()).containsExactly("ml", "web");
        assertThat(ann.grants()).containsExactlyInAnyOrder(Grant.orgAdmin("acme"), Grant.teamAdmin("acme", "ml"));
        var bob = directory.users().get("bob");
        assertThat(bob.orgId()).isNull();
        assertThat(bob.teamIds()).isEmpty();
        assertThat(bob.grants()).containsExactlyInAnyOrder(Grant.ADMIN, new Grant(Role.VIEWER, null, "web"));

        // The folded access of a key as the gateway will compute it.
        var access = directory.accessOf(key("k").team("ml").build());
        assertThat(access.allowsModel("llama-3")).isTrue();
        assertThat(access.allowsModel("gpt-4o")).isFalse();
    }

    @Test
    void anEmptyDatabaseHasAnEmptyDirectory() {
        var directory = identity.directory();
        assertThat(directory.orgs()).isEmpty();
        assertThat(directory.users()).isEmpty();
        assertThat(identity.keysChangedSince(0)).isEmpty();
        assertThat(identity.revision()).isZero();
    }

    @Test
    void instantsKeepMillisecondPrecision() {
        var precise = T0.plus(Duration.ofMillis(123));
        keys.insert(key("a").created(precise).expires(precise.plusMillis(1)).build());
        var stored = keys.find("a").orElseThrow();
        assertThat(stored.created()).isEqualTo(precise);
        assertThat(stored.expiresAt()).isEqualTo(precise.plusMillis(1));
    }
}

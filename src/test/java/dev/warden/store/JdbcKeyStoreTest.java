package dev.warden.store;

import static dev.warden.testkit.KeyBuilder.T0;
import static dev.warden.testkit.KeyBuilder.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.KeyStore.Filter;
import dev.warden.identity.Limits;
import dev.warden.identity.VirtualKey;
import dev.warden.testkit.KeyBuilder;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcKeyStoreTest {
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

    private static Filter page(int limit, int offset) {
        return new Filter(null, null, null, true, limit, offset);
    }

    @Test
    void aKeyReadsBackWithEveryAttribute() {
        rows.tier("gold");
        rows.org("acme", "gold");
        rows.team("ml", "acme");
        rows.user("ann", "acme", "ml");
        var key = key("k1").alias("billing-prod").user("ann").team("ml").org("acme").tier("gold")
                .models("llama-*", "gpt-4o").endpoints(ApiEndpoint.CHAT, ApiEndpoint.EMBEDDINGS)
                .deployments("azure", "openai").pinned("azure")
                .limits(new Limits(60L, 100_000L, 4, new BigDecimal("12.50"), "monthly"))
                .expires(T0.plus(Duration.ofDays(30))).metadata(Map.of("app", "billing", "env", "prod"))
                .tags("prod", "billing").created(T0).updated(T0.plusMillis(5)).lastUsed(T0.plusSeconds(1)).build();

        assertThat(keys.insert(key)).isEqualTo(key);
        assertThat(keys.find("k1")).contains(key);
        assertThat(keys.find("nope")).isEmpty();
    }

    @Test
    void aRevokedDisabledKeyReadsBackAsSuch() {
        var key = key("k1").revoked(T0.plusSeconds(10)).build();
        keys.insert(key);
        var stored = keys.find("k1").orElseThrow();
        assertThat(stored).isEqualTo(key);
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.usableAt(T0)).isFalse();
    }

    @Test
    void aDuplicateAliasIsAConflictAndWritesNothing() {
        keys.insert(key("k1").alias("prod").build());
        long before = identity.revision();

        assertThatExceptionOfType(StoreException.class)
                .isThrownBy(() -> keys.insert(key("k2").alias("prod").build()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT))
                .withMessage("a key with the alias 'prod' already exists");
        assertThat(keys.find("k2")).isEmpty();
        assertThat(identity.revision()).as("the revision bump is rolled back").isEqualTo(before);
    }

    @Test
    void aDuplicateIdOrHashIsAConflict() {
        keys.insert(key("k1").build());
        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> keys.insert(key("k1").hash("other").build()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> keys.insert(key("k2").hash("hash-k1").build()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
    }

    @Test
    void keysWithoutAnAliasDoNotConflict() {
        keys.insert(key("k1").build());
        keys.insert(key("k2").build());
        assertThat(ids(keys.list(Filter.ALL))).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void anUnknownOwnerIsAReferenceError() {
        rows.org("acme", null);
        long before = identity.revision();
        for (var key : List.of(key("k").user("ghost").build(), key("k").team("ghost").build(),
                key("k").org("ghost").build(), key("k").tier("ghost").build())) {
            assertThatExceptionOfType(StoreException.class).isThrownBy(() -> keys.insert(key))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.REFERENCE))
                    .withMessage("refers to something that does not exist, or is still in use");
        }
        assertThat(keys.find("k")).isEmpty();
        assertThat(identity.revision()).isEqualTo(before);
        keys.insert(key("k").org("acme").build());
        assertThat(keys.find("k")).isPresent();
    }

    @Test
    void listFiltersByUserTeamAndOrg() {
        rows.org("acme", null);
        rows.org("beta", null);
        rows.team("ml", "acme");
        rows.team("web", "acme");
        rows.user("ann", "acme", "ml");
        rows.user("bob", "beta");
        keys.insert(key("ann-ml").user("ann").team("ml").org("acme").created(T0.plusSeconds(1)).build());
        keys.insert(key("ann-own").user("ann").org("acme").created(T0.plusSeconds(2)).build());
        keys.insert(key("web").team("web").org("acme").created(T0.plusSeconds(3)).build());
        keys.insert(key("bob").user("bob").org("beta").created(T0.plusSeconds(4)).build());
        keys.insert(key("unowned").created(T0.plusSeconds(5)).build());

        assertThat(ids(keys.list(new Filter("ann", null, null, true, 100, 0)))).containsExactly("ann-own", "ann-ml");
        assertThat(ids(keys.list(new Filter(null, "ml", null, true, 100, 0)))).containsExactly("ann-ml");
        assertThat(ids(keys.list(new Filter(null, null, "acme", true, 100, 0))))
                .containsExactly("web", "ann-own", "ann-ml");
        assertThat(ids(keys.list(new Filter("ann", "ml", "acme", true, 100, 0)))).containsExactly("ann-ml");
        assertThat(ids(keys.list(new Filter("ann", "web", null, true, 100, 0)))).isEmpty();
        assertThat(ids(keys.list(new Filter("nobody", null, null, true, 100, 0)))).isEmpty();
        assertThat(ids(keys.list(Filter.ALL))).containsExactly("unowned", "bob", "web", "ann-own", "ann-ml");
    }

    @Test
    void listLeavesOutRevokedKeysUnlessAsked() {
        keys.insert(key("live").created(T0.plusSeconds(1)).build());
        keys.insert(key("revoked").created(T0.plusSeconds(2)).revoked(T0.plusSeconds(3)).build());
        keys.insert(key("disabled").created(T0.plusSeconds(3)).enabled(false).build());

        assertThat(ids(keys.list(new Filter(null, null, null, false, 100, 0)))).containsExactly("disabled", "live");
        assertThat(ids(keys.list(new Filter(null, null, null, true, 100, 0))))
                .containsExactly("disabled", "revoked", "live");
    }

    @Test
    void listPagesNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            keys.insert(key("k" + i).created(T0.plusSeconds(i)).build());
        }
        // Keys created in the same millisecond still page deterministically, by id.
        keys.insert(key("same-b").created(T0).build());
        keys.insert(key("same-a").created(T0).build());

        assertThat(ids(keys.list(page(2, 0)))).containsExactly("k5", "k4");
        assertThat(ids(keys.list(page(2, 2)))).containsExactly("k3", "k2");
        assertThat(ids(keys.list(page(2, 4)))).containsExactly("k1", "same-a");
        assertThat(ids(keys.list(page(2, 6)))).containsExactly("same-b");
        assertThat(ids(keys.list(page(2, 8)))).isEmpty();
        assertThat(ids(keys.list(page(0, 0)))).isEmpty();
    }

    @Test
    void updateReplacesEveryMutableAttribute() {
        rows.org("acme", null);
        keys.insert(key("k1").alias("old").models("a").tags("x").build());
        var changed = KeyBuilder.from(keys.find("k1").orElseThrow()).alias("new").org("acme").models("b", "c")
                .endpoints(ApiEndpoint.MODELS).limits(new Limits(1L, null, null, null, null)).tags()
                .metadata(Map.of("k", "v")).expires(T0.plusSeconds(60)).updated(T0.plusSeconds(1)).build();
        long before = identity.revision();

        assertThat(keys.update(changed)).isEqualTo(changed);
        assertThat(keys.find("k1")).contains(changed);
        assertThat(identity.revision()).isEqualTo(before + 1);
        assertThat(rows.revisionOf("virtual_keys", "k1")).isEqualTo(before + 1);
    }

    @Test
    void updatingAnUnknownKeyFailsAndWritesNothing() {
        long before = identity.revision();
        assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> keys.update(key("ghost").build()))
                .withMessage("no key ghost");
        assertThat(identity.revision()).isEqualTo(before);
    }

    @Test
    void anUpdateToATakenAliasIsAConflict() {
        keys.insert(key("k1").alias("a").build());
        keys.insert(key("k2").alias("b").build());
        assertThatExceptionOfType(StoreException.class)
                .isThrownBy(() -> keys.update(KeyBuilder.from(keys.find("k2").orElseThrow()).alias("a").build()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThat(keys.find("k2").orElseThrow().alias()).isEqualTo("b");
    }

    @Test
    void rotationMovesTheAliasAndEndsTheOldKeyAtTheGracePeriod() {
        keys.insert(key("old").alias("prod").models("llama-*").created(T0).build());
        var graceEnd = T0.plus(Duration.ofHours(2));
        var replacement = key("new").alias("prod").models("llama-*").created(T0.plusSeconds(60)).build();
        long before = identity.revision();

        assertThat(keys.rotate("old", graceEnd, replacement)).isEqualTo(replacement);

        var old = keys.find("old").orElseThrow();
        assertThat(old.alias()).isNull();
        assertThat(old.expiresAt()).isEqualTo(graceEnd);
        assertThat(old.updated()).isEqualTo(T0.plusSeconds(60));
        assertThat(old.enabled()).isTrue();
        assertThat(old.models()).containsExactly("llama-*");
        assertThat(keys.find("new")).contains(replacement);
        // One transaction, one revision, stamped on both rows.
        assertThat(identity.revision()).isEqualTo(before + 1);
        assertThat(ids(identity.keysChangedSince(before))).containsExactlyInAnyOrder("old", "new");
    }

    @Test
    void rotationKeepsAnEarlierExpiryOfTheOldKey() {
        var ownExpiry = T0.plus(Duration.ofMinutes(10));
        keys.insert(key("old").expires(ownExpiry).build());
        keys.rotate("old", T0.plus(Duration.ofHours(2)), key("new").build());
        assertThat(keys.find("old").orElseThrow().expiresAt()).isEqualTo(ownExpiry);

        var laterExpiry = T0.plus(Duration.ofDays(10));
        keys.insert(key("old2").expires(laterExpiry).build());
        keys.rotate("old2", T0.plus(Duration.ofHours(2)), key("new2").build());
        assertThat(keys.find("old2").orElseThrow().expiresAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void rotatingAnUnknownKeyFailsAndWritesNothing() {
        long before = identity.revision();
        assertThatExceptionOfType(NoSuchElementException.class)
                .isThrownBy(() -> keys.rotate("ghost", T0, key("new").build())).withMessage("no key ghost");
        assertThat(keys.find("new")).isEmpty();
        assertThat(identity.revision()).isEqualTo(before);
    }

    @Test
    void aFailedRotationLeavesTheOldKeyAsItWas() {
        var old = key("old").alias("prod").build();
        keys.insert(old);
        keys.insert(key("other").alias("taken").build());
        long before = identity.revision();
        // The replacement's alias is taken by another key: nothing of the rotation may stick.
        assertThatExceptionOfType(StoreException.class)
                .isThrownBy(() -> keys.rotate("old", T0.plusSeconds(60), key("new").alias("taken").build()))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThat(keys.find("old")).contains(old);
        assertThat(keys.find("new")).isEmpty();
        assertThat(identity.revision()).isEqualTo(before);
    }
}

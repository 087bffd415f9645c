package dev.warden.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Limits;
import dev.warden.identity.VirtualKey;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.pipeline.Principal;
import dev.warden.secret.KeyMinter;
import dev.warden.secret.ServerSecret;
import dev.warden.store.Database;
import dev.warden.store.JdbcIdentityStore;
import dev.warden.store.JdbcKeyStore;
import dev.warden.store.JsonColumns;
import dev.warden.testkit.TestDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Virtual keys end to end below the HTTP layer: stored, loaded into the ring, authenticated, changed, revoked. */
class VirtualKeyAuthenticationTest {
    private static final ServerSecret SECRET = ServerSecret.ofBase64("dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    private final InstantSource clock = () -> now.get();

    private static VirtualKey key(String id, String secret, Instant created) {
        return new VirtualKey(id, SECRET.keyHasher().hash(secret), KeyMinter.displayPrefix(secret), "alias-" + id,
                null, null, null, null, List.of("llama-*"), Set.of(ApiEndpoint.CHAT), Set.of(), null, Limits.NONE,
                null, Map.of("app", "billing"), List.of("prod"), true, created, created, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStoredKeyAuthenticatesAndItsRevocationTakesEffectAfterARefresh(TestDatabase.Kind kind) {
        try (var db = TestDatabase.create(kind);
                var database = Database.open(db.url(), db.user(), null, 2)) {
            var keys = new JdbcKeyStore(database, new JsonColumns());
            var minter = new KeyMinter(new SecureRandom());
            var secret = minter.mint();
            keys.insert(key("k1", secret, now.get()));
            try (var ring = KeyRing.start(new JdbcIdentityStore(database, new JsonColumns()), Duration.ofHours(1))) {
                var authenticator = Authenticator.create("sk-master-key-000001", ring, SECRET.keyHasher(), Optional.empty(), clock);

                var principal = authenticator.authenticate(Optional.of(secret));
                assertThat(principal.kind()).isEqualTo(Principal.Kind.VIRTUAL_KEY);
                assertThat(principal.id()).isEqualTo("k1");
                assertThat(principal.access().allowsModel("llama-3.1-8b")).isTrue();
                assertThat(principal.access().allowsModel("gpt-4o")).isFalse();
                assertThat(principal.access().allowsEndpoint(ApiEndpoint.EMBEDDINGS)).isFalse();

                assertThat(rejection(authenticator, minter.mint())).isEqualTo("Invalid API key.");
                assertThat(authenticator.authenticate(Optional.of("sk-master-key-000001"))).isEqualTo(Principal.MASTER);

                var stored = keys.find("k1").orElseThrow();
                keys.update(revoked(stored, now.get()));
                // Not yet refreshed: the ring still serves the old copy, as another instance would until it polls.
                assertThat(authenticator.authenticate(Optional.of(secret)).id()).isEqualTo("k1");
                ring.refreshNow();
                assertThat(rejection(authenticator, secret)).isEqualTo("This API key has been revoked.");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rotationKeepsTheOldKeyForItsGracePeriodAndMovesTheAlias(TestDatabase.Kind kind) {
        try (var db = TestDatabase.create(kind);
                var database = Database.open(db.url(), db.user(), null, 2)) {
            var keys = new JdbcKeyStore(database, new JsonColumns());
            var minter = new KeyMinter(new SecureRandom());
            var oldSecret = minter.mint();
            var newSecret = minter.mint();
            keys.insert(key("old", oldSecret, now.get()));
            var replacement = key("new", newSecret, now.get());
            replacement = new VirtualKey("new", replacement.hash(), replacement.prefix(), "alias-old", null, null, null,
                    null, List.of(), Set.of(), Set.of(), null, Limits.NONE, null, Map.of(), List.of(), true,
                    now.get(), now.get(), null, null);
            keys.rotate("old", now.get().plus(Duration.ofHours(1)), replacement);
            assertThat(keys.find("old").orElseThrow().alias()).isNull();
            assertThat(keys.find("new").orElseThrow().alias()).isEqualTo("alias-old");

            try (var ring = KeyRing.start(new JdbcIdentityStore(database, new JsonColumns()), Duration.ofHours(1))) {
                var authenticator = Authenticator.create("sk-master-key-000001", ring, SECRET.keyHasher(), Optional.empty(), clock);
                assertThat(authenticator.authenticate(Optional.of(oldSecret)).id()).isEqualTo("old");
                assertThat(authenticator.authenticate(Optional.of(newSecret)).id()).isEqualTo("new");
                now.set(now.get().plus(Duration.ofMinutes(61)));
                assertThat(rejection(authenticator, oldSecret)).startsWith("This API key expired at 2026-11-24T11:00:00");
                assertThat(authenticator.authenticate(Optional.of(newSecret)).id()).isEqualTo("new");
            }
        }
    }

    private static VirtualKey revoked(VirtualKey key, Instant at) {
        return new VirtualKey(key.id(), key.hash(), key.prefix(), key.alias(), key.userId(), key.teamId(), key.orgId(),
                key.tierId(), key.models(), key.endpoints(), key.deployments(), key.pinnedDeployment(), key.limits(),
                key.expiresAt(), key.metadata(), key.tags(), false, key.created(), at, key.lastUsed(), at);
    }

    private static String rejection(Authenticator authenticator, String credential) {
        try {
            authenticator.authenticate(Optional.of(credential));
        } catch (ApiException e) {
            assertThat(e.error()).isInstanceOf(ApiError.Unauthenticated.class);
            return e.error().message();
        }
        throw new AssertionError("accepted " + credential);
    }

}

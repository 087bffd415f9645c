package dev.warden.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.warden.store.Database;
import dev.warden.store.JdbcDeploymentStore;
import dev.warden.store.JdbcKeyStore;
import dev.warden.store.JsonColumns;
import dev.warden.testkit.KeyBuilder;
import dev.warden.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Two gateway instances on one database: what one stores, the other applies. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class DeploymentSyncTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Duration FAST = Duration.ofMillis(100);

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase db;
    private Database first;
    private Database second;
    private JdbcDeploymentStore writer;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind);
        first = Database.open(db.url(), db.user(), null, 2);
        second = Database.open(db.url(), db.user(), null, 2);
        writer = new JdbcDeploymentStore(first);
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
        db.close();
    }

    /** What an instance's routing last received, and how often. */
    private static final class Applied implements Consumer<List<StoredDeployment>> {
        final AtomicReference<List<StoredDeployment>> last = new AtomicReference<>(List.of());
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void accept(List<StoredDeployment> deployments) {
            last.set(deployments);
            count.incrementAndGet();
        }

        List<String> documents() {
            return last.get().stream().map(d -> d.name() + "=" + d.document()).toList();
        }
    }

    private static StoredDeployment deployment(String name, String document) {
        return new StoredDeployment(name, document, T, T, 0);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10s: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void startingAppliesWhatIsStoredOnce() {
        writer.insert(deployment("a", "{\"v\":1}"));
        var applied = new Applied();
        try (var sync = DeploymentSync.start(new JdbcDeploymentStore(second), HOURLY, applied)) {
            assertThat(applied.documents()).containsExactly("a={\"v\":1}");
            assertThat(applied.count).hasValue(1);
            sync.refreshNow();
            assertThat(applied.count).as("nothing changed").hasValue(1);
        }
    }

    @Test
    void anAddChangeAndRemovalIsSeenByAnotherInstanceOnRefresh() {
        var applied = new Applied();
        try (var sync = DeploymentSync.start(new JdbcDeploymentStore(second), HOURLY, applied)) {
            assertThat(applied.count).as("an empty store applies nothing new").hasValue(0);

            writer.insert(deployment("a", "{\"v\":1}"));
            writer.insert(deployment("b", "{\"v\":1}"));
            sync.refreshNow();
            assertThat(applied.documents()).containsExactly("a={\"v\":1}", "b={\"v\":1}");

            writer.update(deployment("a", "{\"v\":2}"));
            sync.refreshNow();
            assertThat(applied.documents()).containsExactly("a={\"v\":2}", "b={\"v\":1}");

            writer.delete("b");
            sync.refreshNow();
            assertThat(applied.documents()).containsExactly("a={\"v\":2}");
            assertThat(applied.count).hasValue(3);
        }
    }

    @Test
    void writesThatLeaveTheDeploymentsAsTheyWereApplyNothing() {
        writer.insert(deployment("a", "{}"));
        var applied = new Applied();
        try (var sync = DeploymentSync.start(new JdbcDeploymentStore(second), HOURLY, applied)) {
            // A key written on the first instance moves the shared revision but no deployment.
            new JdbcKeyStore(first, new JsonColumns()).insert(KeyBuilder.key("k").build());
            writer.delete("no-such-deployment");
            sync.refreshNow();
            assertThat(applied.count).hasValue(1);
        }
    }

    @Test
    void thePollerPicksUpChangesWithoutBeingAsked() throws InterruptedException {
        var applied = new Applied();
        try (var ignored = DeploymentSync.start(new JdbcDeploymentStore(second), FAST, applied)) {
            writer.insert(deployment("a", "{\"v\":1}"));
            eventually(() -> applied.documents().equals(List.of("a={\"v\":1}")), "the addition");

            writer.update(deployment("a", "{\"v\":2}"));
            eventually(() -> applied.documents().equals(List.of("a={\"v\":2}")), "the change");

            writer.delete("a");
            eventually(() -> applied.documents().isEmpty(), "the removal");
            assertThat(applied.count).hasValue(3);
        }
    }

    @Test
    void aStoreThatCannotBeReadAtStartIsAnError() {
        second.close();
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> DeploymentSync.start(
                new JdbcDeploymentStore(second), HOURLY, new Applied()));
    }
}

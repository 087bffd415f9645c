package dev.warden.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A store that goes away and comes back: routing stays as it is meanwhile, and catches up afterwards. */
class DeploymentSyncFailureTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    /** An in-memory store that can be switched off, as a database behind a network partition. */
    private static final class FlakyStore implements DeploymentStore {
        private final List<StoredDeployment> deployments = new CopyOnWriteArrayList<>();
        private volatile long revision;
        private volatile boolean down;
        private volatile int failedReads;

        private void check() {
            if (down) {
                failedReads++;
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public long revision() {
            check();
            return revision;
        }

        @Override
        public List<StoredDeployment> list() {
            check();
            return List.copyOf(deployments);
        }

        @Override
        public Optional<StoredDeployment> find(String name) {
            return deployments.stream().filter(d -> d.name().equals(name)).findFirst();
        }

        @Override
        public StoredDeployment insert(StoredDeployment deployment) {
            var stored = new StoredDeployment(deployment.name(), deployment.document(), deployment.created(),
                    deployment.updated(), ++revision);
            deployments.add(stored);
            return stored;
        }

        @Override
        public boolean update(StoredDeployment deployment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String name) {
            revision++;
            return deployments.removeIf(d -> d.name().equals(name));
        }
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
    void anUnreachableStoreKeepsTheCurrentRoutingUntilItIsBack() throws InterruptedException {
        var store = new FlakyStore();
        store.insert(new StoredDeployment("a", "{}", T, T, 0));
        var applied = new CopyOnWriteArrayList<List<String>>();
        try (var ignored = DeploymentSync.start(store, Duration.ofMillis(20),
                list -> applied.add(list.stream().map(StoredDeployment::name).toList()))) {
            assertThat(applied).containsExactly(List.of("a"));

            store.down = true;
            eventually(() -> store.failedReads >= 3, "a few failed polls");
            assertThat(applied).as("nothing applied while down").containsExactly(List.of("a"));

            store.insert(new StoredDeployment("b", "{}", T, T, 0));
            store.down = false;
            eventually(() -> applied.size() == 2, "catching up");
            assertThat(applied.getLast()).containsExactly("a", "b");
        }
    }

    @Test
    void aFailingApplyIsRetriedOnTheNextPoll() throws InterruptedException {
        var store = new FlakyStore();
        var attempts = new ArrayList<List<String>>();
        var fail = new AtomicBoolean(true);
        try (var sync = DeploymentSync.start(store, Duration.ofMillis(20), list -> {
            synchronized (attempts) {
                attempts.add(list.stream().map(StoredDeployment::name).toList());
            }
            if (fail.get()) {
                throw new IllegalStateException("router rejected it");
            }
        })) {
            store.insert(new StoredDeployment("a", "{}", T, T, 0));
            eventually(() -> {
                synchronized (attempts) {
                    return attempts.size() >= 2;
                }
            }, "a retry");
            fail.set(false);
            sync.refreshNow();
            synchronized (attempts) {
                assertThat(attempts).allSatisfy(names -> assertThat(names).containsExactly("a"));
            }
            int settled;
            synchronized (attempts) {
                settled = attempts.size();
            }
            sync.refreshNow();
            synchronized (attempts) {
                assertThat(attempts).as("applied for good").hasSize(settled);
            }
        }
    }
}

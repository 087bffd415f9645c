package dev.warden.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.store.Database;
import dev.warden.store.JdbcSpendStore;
import dev.warden.testkit.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpendRecorderTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    private static SpendRecord call(String key, String model, long cost) {
        return new SpendRecord(DAY, key, "u_1", "t_1", "o_1", model, cost, 10, 3, 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentCallsAreSummedExactlyAcrossBatches(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind); var database = Database.open(db.url(), db.user(), null, 4)) {
            var store = new JdbcSpendStore(database);
            var recorder = SpendRecorder.start(store, Duration.ofMillis(10), 1000);
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 4; t++) {
                    threads.submit(() -> {
                        for (int i = 0; i < 500; i++) {
                            recorder.record(call(i % 2 == 0 ? "k_a" : "k_b", "llama", 1_234));
                        }
                    });
                }
            }
            recorder.close();
            var byKey = store.totals(SpendQuery.by(SpendDimension.KEY, DAY, DAY));
            assertThat(byKey).containsExactly(new SpendTotal("k_a", 1_000 * 1_234, 10_000, 3_000, 1_000),
                    new SpendTotal("k_b", 1_000 * 1_234, 10_000, 3_000, 1_000));
        }
    }

    @Test
    void spendSurvivesAFailingStoreAndIsWrittenOnceItIsBack() {
        var failing = new AtomicBoolean(true);
        var written = new ArrayList<SpendRecord>();
        var store = new SpendStore() {
            @Override
            public void add(List<SpendRecord> increments) {
                if (failing.get()) {
                    throw new IllegalStateException("database down");
                }
                written.addAll(increments);
            }

            @Override
            public List<SpendTotal> totals(SpendQuery query) {
                return List.of();
            }
        };
        var recorder = SpendRecorder.start(store, Duration.ofHours(1), 1);
        recorder.record(call("k_a", "llama", 100));
        recorder.flush();
        recorder.record(call("k_b", "llama", 200));
        recorder.record(call("k_b", "llama", 300));
        recorder.flush();
        failing.set(false);
        recorder.close();
        // At most one pending row is kept: the oldest (k_a) was dropped, k_b's two calls were summed.
        assertThat(written).containsExactly(new SpendRecord(DAY, "k_b", "u_1", "t_1", "o_1", "llama", 500, 20, 6, 2));
    }
}

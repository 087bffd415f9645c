package dev.warden.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.identity.Owner;
import dev.warden.llm.Usage;
import dev.warden.pipeline.RequestRecord;
import dev.warden.store.Database;
import dev.warden.store.JdbcUsageStore;
import dev.warden.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UsageCounterTest {
    private static RequestRecord record(String principal, String model, int status, Instant at) {
        return new RequestRecord(at, "req", "openai", "/v1/chat/completions", principal, Owner.NONE, model, "d",
                model, false, status, status < 400 ? "ok" : "error", null,
                status < 400 ? new Usage(10, 3, 0, 0, false) : null, 1.0, -1, 200, List.of(), null, false);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentRequestsAreCountedExactlyAndAddedAcrossBatches(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind); var database = Database.open(db.url(), db.user(), null, 4)) {
            var store = new JdbcUsageStore(database);
            var counter = UsageCounter.start(store, Duration.ofMillis(20), 1000);
            var day = Instant.parse("2026-11-24T10:00:00Z");
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 500; i++) {
                        counter.record(record("key_a", "llama", i % 10 == 0 ? 500 : 200, day.plusSeconds(i)));
                    }
                }));
            }
            for (var thread : threads) {
                thread.join();
            }
            counter.record(record("key_a", "llama", 200, day.plus(Duration.ofDays(1))));
            counter.record(record("key_b", "gpt", 200, day));
            counter.close();

            var rows = store.forPrincipal("key_a", LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"));
            assertThat(rows).hasSize(2);
            var first = rows.get(1);
            assertThat(first.day()).isEqualTo(LocalDate.parse("2026-11-24"));
            assertThat(first.requests()).isEqualTo(2000);
            assertThat(first.errors()).isEqualTo(200);
            assertThat(first.promptTokens()).isEqualTo(1800 * 10);
            assertThat(first.completionTokens()).isEqualTo(1800 * 3);
            assertThat(first.lastRequest()).isEqualTo(day.plusSeconds(499));
            assertThat(rows.get(0).requests()).isEqualTo(1);
            assertThat(store.forPrincipal("key_b", LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24")))
                    .singleElement().extracting(UsageRow::model).isEqualTo("gpt");
        }
    }

    @Test
    void incrementsSurviveAFailingStoreAndAreWrittenOnceItIsBack() {
        var failing = new AtomicBoolean(true);
        var written = new ArrayList<UsageRow>();
        var store = new UsageStore() {
            @Override
            public void add(List<UsageRow> increments) {
                if (failing.get()) {
                    throw new IllegalStateException("database down");
                }
                written.addAll(increments);
            }

            @Override
            public List<UsageRow> forPrincipal(String principal, LocalDate from, LocalDate to) {
                return List.of();
            }
        };
        var counter = UsageCounter.start(store, Duration.ofHours(1), 1000);
        var at = Instant.parse("2026-11-24T10:00:00Z");
        counter.record(record("key_a", "llama", 200, at));
        counter.flush();
        counter.record(record("key_a", "llama", 200, at));
        counter.flush();
        assertThat(written).isEmpty();
        failing.set(false);
        counter.close();
        assertThat(written).extracting(UsageRow::requests).containsExactly(1L, 1L);
    }
}

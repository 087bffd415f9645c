package dev.warden.store;

import static dev.warden.testkit.KeyBuilder.T0;
import static dev.warden.testkit.KeyBuilder.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.identity.KeyStore.Filter;
import dev.warden.identity.VirtualKey;
import dev.warden.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two gateway instances (two connection pools) writing to one database at once: no write and no revision may be
 * lost, and every revision is stamped on exactly the rows of one transaction.
 */
class ConcurrentWritersTest {
    private static final int PER_WRITER = 20;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoInstancesInsertingAtOnceLoseNothing(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind);
                var first = Database.open(db.url(), db.user(), null, 4);
                var second = Database.open(db.url(), db.user(), null, 4)) {
            var start = new CountDownLatch(1);
            var results = run(List.of(
                    inserts(new JdbcKeyStore(first, new JsonColumns()), "a", start),
                    inserts(new JdbcKeyStore(second, new JsonColumns()), "b", start)), start);

            assertThat(results).allMatch(done -> done == PER_WRITER);
            var identity = new JdbcIdentityStore(second, new JsonColumns());
            assertThat(identity.revision()).isEqualTo(2 * PER_WRITER);
            var all = new JdbcKeyStore(first, new JsonColumns()).list(Filter.ALL);
            assertThat(all).hasSize(2 * PER_WRITER);
            var rows = new IdentityRows(first);
            var revisions = new HashSet<Long>();
            for (var key : all) {
                revisions.add(rows.revisionOf("virtual_keys", key.id()));
            }
            assertThat(revisions).as("each insert stamped with its own revision").hasSize(2 * PER_WRITER)
                    .allMatch(revision -> revision >= 1 && revision <= 2 * PER_WRITER);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rotationsBesideInsertsFromAnotherInstanceLoseNothing(TestDatabase.Kind kind) throws Exception {
        try (var db = TestDatabase.create(kind);
                var first = Database.open(db.url(), db.user(), null, 4);
                var second = Database.open(db.url(), db.user(), null, 4)) {
            var rotating = new JdbcKeyStore(first, new JsonColumns());
            rotating.insert(key("r0").alias("rotating").build());
            var start = new CountDownLatch(1);
            Callable<Integer> rotations = () -> {
                start.await();
                for (int i = 1; i <= PER_WRITER; i++) {
                    // Rotation reads the old key before it writes: the case a stale snapshot would break.
                    rotating.rotate("r" + (i - 1), T0.plusSeconds(60),
                            key("r" + i).alias("rotating").created(T0.plusSeconds(i)).build());
                }
                return PER_WRITER;
            };
            var results = run(List.of(rotations,
                    inserts(new JdbcKeyStore(second, new JsonColumns()), "b", start)), start);

            assertThat(results).allMatch(done -> done == PER_WRITER);
            assertThat(new JdbcIdentityStore(second, new JsonColumns()).revision()).isEqualTo(1 + 2 * PER_WRITER);
            assertThat(rotating.list(Filter.ALL)).hasSize(1 + 2 * PER_WRITER)
                    .filteredOn(key -> "rotating".equals(key.alias())).extracting(VirtualKey::id)
                    .containsExactly("r" + PER_WRITER);
        }
    }

    private static Callable<Integer> inserts(JdbcKeyStore keys, String writer, CountDownLatch start) {
        return () -> {
            start.await();
            for (int i = 0; i < PER_WRITER; i++) {
                keys.insert(key(writer + i).created(T0.plusMillis(i)).build());
            }
            return PER_WRITER;
        };
    }

    private static List<Integer> run(List<Callable<Integer>> writers, CountDownLatch start) throws Exception {
        try (var executor = Executors.newFixedThreadPool(writers.size())) {
            var futures = new ArrayList<Future<Integer>>();
            for (var writer : writers) {
                futures.add(executor.submit(writer));
            }
            start.countDown();
            var results = new ArrayList<Integer>();
            for (var future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}

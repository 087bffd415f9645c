package dev.warden.budget;

import dev.warden.observe.PeriodicFlush;
import dev.warden.observe.RetryingBatch;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sums spend per day, key, user, team, org and model in memory and adds it to the {@link SpendStore} every
 * {@code interval} from a background thread, the way {@code observe.UsageCounter} does for usage: the request path
 * only merges into a map. When the store is unreachable the sums are kept and retried with the next batch (at most
 * {@code maxPending} rows, beyond which the oldest are dropped with a warning).
 */
public final class SpendRecorder implements AutoCloseable {

    private record Bucket(LocalDate day, String key, String user, String team, String org, String model) {}

    private final SpendStore store;
    private final Map<Bucket, SpendRecord> live = new ConcurrentHashMap<>();
    private final RetryingBatch<SpendRecord> batch;
    private final PeriodicFlush writer;

    private SpendRecorder(SpendStore store, Duration interval, int maxPending) {
        this.store = store;
        this.batch = new RetryingBatch<>("spend", maxPending);
        this.writer = PeriodicFlush.of("warden-spend", interval, this::flush);
    }

    public static SpendRecorder start(SpendStore store, Duration interval, int maxPending) {
        var recorder = new SpendRecorder(store, interval, maxPending);
        recorder.writer.start();
        return recorder;
    }

    /** Adds one call's spend (usually {@code requests} = 1); never blocks on the store. */
    public void record(SpendRecord spend) {
        var bucket = new Bucket(spend.day(), spend.key(), spend.user(), spend.team(), spend.org(), spend.model());
        // merge is atomic with flush's remove, so no spend lands in a batch already taken.
        live.merge(bucket, spend, (a, b) -> new SpendRecord(a.day(), a.key(), a.user(), a.team(), a.org(),
                a.model(), a.costMicros() + b.costMicros(), a.promptTokens() + b.promptTokens(),
                a.completionTokens() + b.completionTokens(), a.requests() + b.requests()));
    }

    /** Moves the live sums into a batch and writes it (with any batch that failed before). */
    synchronized void flush() {
        var fresh = new ArrayList<SpendRecord>();
        for (var bucket : List.copyOf(live.keySet())) {
            var sum = live.remove(bucket);
            if (sum != null) {
                fresh.add(sum);
            }
        }
        batch.write(fresh, store::add);
    }

    /** Stops the writer and writes what is left. */
    @Override
    public void close() {
        writer.close();
    }
}

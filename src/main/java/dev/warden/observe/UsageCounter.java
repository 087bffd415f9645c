package dev.warden.observe;

import dev.warden.pipeline.RecordSink;
import dev.warden.pipeline.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests and tokens per day, caller and model in memory and adds them to the {@link UsageStore} every
 * {@code interval} from a background thread: the request path only bumps counters. When the store is unreachable
 * the increments are kept and retried with the next batch (at most {@code maxPending} rows, beyond which the
 * oldest are dropped and a warning says how many).
 */
public final class UsageCounter implements RecordSink, AutoCloseable {

    private record Bucket(LocalDate day, String principal, String model) {}

    /** Mutated only inside {@code live.compute} for its bucket, read only after {@code live.remove}. */
    private static final class Counts {
        long requests;
        long errors;
        long prompt;
        long completion;
        Instant last = Instant.EPOCH;
    }

    private final UsageStore store;
    private final Map<Bucket, Counts> live = new ConcurrentHashMap<>();
    private final RetryingBatch<UsageRow> batch;
    private final PeriodicFlush writer;

    private UsageCounter(UsageStore store, Duration interval, int maxPending) {
        this.store = store;
        this.batch = new RetryingBatch<>("usage counters", maxPending);
        this.writer = PeriodicFlush.of("warden-usage", interval, this::flush);
    }

    public static UsageCounter start(UsageStore store, Duration interval, int maxPending) {
        var counter = new UsageCounter(store, interval, maxPending);
        counter.writer.start();
        return counter;
    }

    @Override
    public void record(RequestRecord record) {
        if (record.principal() == null) {
            return;
        }
        var bucket = new Bucket(LocalDate.ofInstant(record.time(), ZoneOffset.UTC), record.principal(),
                record.model() == null ? "" : record.model());
        boolean error = record.status() >= 400
                || !record.outcome().equals("ok") && !record.outcome().equals("complete");
        var usage = record.usage();
        // compute is atomic with flush's remove, so no increment lands in a batch already taken.
        live.compute(bucket, (b, counts) -> {
            var c = counts == null ? new Counts() : counts;
            c.requests++;
            if (error) {
                c.errors++;
            }
            if (usage != null) {
                c.prompt += usage.promptTokens();
                c.completion += usage.completionTokens();
            }
            if (record.time().isAfter(c.last)) {
                c.last = record.time();
            }
            return c;
        });
    }

    /** Moves the live counters into a batch and writes it (with any batch that failed before). */
    synchronized void flush() {
        var fresh = new ArrayList<UsageRow>();
        for (var bucket : List.copyOf(live.keySet())) {
            var counts = live.remove(bucket);
            if (counts != null) {
                fresh.add(new UsageRow(bucket.day(), bucket.principal(), bucket.model(), counts.requests,
                        counts.errors, counts.prompt, counts.completion, counts.last));
            }
        }
        batch.write(fresh, store::add);
    }

    @Override
    public void close() {
        writer.close();
    }
}

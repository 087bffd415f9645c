package dev.warden.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.pipeline.RecordSink;
import dev.warden.pipeline.RequestRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The structured access log: one JSON object per line per request. {@link #record} only offers to a bounded queue
 * (never blocks the request); a background thread drains it in batches and writes. When the queue is full the
 * record is dropped and counted, and the count is written as its own line once there is room, so loss is visible.
 */
public final class AccessLog implements RecordSink, AutoCloseable {
    private static final int BATCH = 512;
    private static final long GATHER_MILLIS = 5;

    private final BlockingQueue<RequestRecord> queue;
    private final OutputStream out;
    private final JsonFactory json;
    /** Every line ever dropped (a metric); {@code unreported} is the part not yet announced in the log itself. */
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    private AccessLog(OutputStream out, int capacity, JsonFactory json) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.out = out;
        this.json = json;
        this.writer = Thread.ofPlatform().name("warden-access-log").daemon(true).start(this::drain);
    }

    /** @param out where lines go (stdout or a file); closed on {@link #close()} unless it is System.out */
    public static AccessLog create(OutputStream out, int capacity, JsonFactory json) {
        return new AccessLog(out, capacity, json);
    }

    @Override
    public void record(RequestRecord record) {
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
            unreported.incrementAndGet();
        }
    }

    /** Lines dropped since start because the queue was full or the destination failed. */
    public long droppedCount() {
        return dropped.get();
    }

    private void drain() {
        var batch = new ArrayList<RequestRecord>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Let a burst gather so one wake-up and one write carry it (the log is off the request path,
                // so a few milliseconds of delay cost nothing; a wake-up per request cost ~20 µs of CPU each).
                Thread.sleep(GATHER_MILLIS);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            } catch (UncheckedIOException e) {
                // A broken log destination must not take the gateway down; the lines are lost and counted.
                dropped.addAndGet(batch.size());
                unreported.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<RequestRecord> batch) {
        try {
            long lost = unreported.getAndSet(0);
            try (var gen = json.createGenerator(out)) {
                gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                writeBatch(gen, lost, batch);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBatch(JsonGenerator gen, long lost, List<RequestRecord> batch)
            throws IOException {
        if (lost > 0) {
            gen.writeStartObject();
            gen.writeStringField("event", "access_log_dropped");
            gen.writeNumberField("count", lost);
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        for (var record : batch) {
            AccessLogLine.write(gen, record);
            gen.writeRaw('\n');
        }
    }

    /** Stops accepting, writes what is queued, and closes the destination. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.flush();
            if (out != System.out) {
                out.close();
            }
        } catch (IOException ignored) {
            // Nothing left to tell anyone at shutdown.
        }
    }
}

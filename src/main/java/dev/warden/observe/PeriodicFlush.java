package dev.warden.observe;

import java.time.Duration;

/**
 * A background writer's thread: runs {@code flush} every {@code interval} until closed, and once more on close, so
 * what was recorded before shutdown is written. The flush must not throw (a {@link RetryingBatch} keeps failed
 * rows for the next one).
 */
public final class PeriodicFlush implements AutoCloseable {
    private final Duration interval;
    private final Runnable flush;
    private final Thread thread;
    private volatile boolean closed;

    private PeriodicFlush(String name, Duration interval, Runnable flush) {
        this.interval = interval;
        this.flush = flush;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    }

    /** A writer not started yet (its owner starts it once constructed). @param name the thread's name */
    public static PeriodicFlush of(String name, Duration interval, Runnable flush) {
        return new PeriodicFlush(name, interval, flush);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException stop) {
                break;
            }
            flush.run();
        }
    }

    /** Stops the thread (waiting up to 5 s for a flush under way) and flushes what is left. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush.run();
    }
}

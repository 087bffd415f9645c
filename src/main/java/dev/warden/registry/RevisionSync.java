package dev.warden.registry;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps one instance's in-memory copy of something stored (deployments, price overrides) in step with the
 * database: polls the store-wide revision every {@code interval} and, when it moved and what is stored differs
 * from what was last applied, reads it all and hands it to {@code apply}. Every write bumps the one revision, so
 * a poll is a single-row read whatever changed; a failed poll keeps what is applied and is logged once.
 *
 * @param <T> what is read and applied as a whole (a list, compared with {@code equals})
 */
public final class RevisionSync<T> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("warden.registry");

    private final String what;
    private final LongSupplier revision;
    private final Supplier<T> read;
    private final Consumer<T> apply;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread poller;
    private long seenRevision = -1;
    private T applied;
    private volatile boolean closed;
    private volatile boolean failing;

    private RevisionSync(String what, LongSupplier revision, Supplier<T> read, Consumer<T> apply, Duration interval,
            T initial) {
        this.what = what;
        this.revision = revision;
        this.read = read;
        this.apply = apply;
        this.interval = interval;
        this.applied = Objects.requireNonNull(initial, "initial");
        this.poller = Thread.ofPlatform().daemon().name("warden-sync-" + what.replace(' ', '-'))
                .unstarted(this::poll);
    }

    /**
     * Applies what is stored once (failing fast when the store is unreachable), then polls.
     *
     * @param what what is kept in step, for the thread name and the log ("stored deployments")
     * @param initial what counts as applied before the first read (an empty list): equal content is not applied
     */
    public static <T> RevisionSync<T> start(String what, LongSupplier revision, Supplier<T> read,
            Consumer<T> apply, Duration interval, T initial) {
        var sync = new RevisionSync<>(what, revision, read, apply, interval, initial);
        sync.refreshNow();
        sync.poller.start();
        return sync;
    }

    /** Catches up now; called after this instance writes, and by the poller. */
    public void refreshNow() {
        lock.lock();
        try {
            long current = revision.getAsLong();
            if (current == seenRevision) {
                return;
            }
            var stored = read.get();
            if (!stored.equals(applied)) {
                apply.accept(stored);
                applied = stored;
            }
            seenRevision = current;
        } finally {
            lock.unlock();
        }
    }

    private void poll() {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException stop) {
                break;
            }
            try {
                refreshNow();
                failing = false;
            } catch (RuntimeException unreachable) {
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "cannot read " + what + "; keeping what is applied: "
                            + unreachable.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.warden.auth.jwt;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The identity provider's keys as last fetched. Verifications read a volatile snapshot and never wait for the
 * network, with one exception: a token naming a kid we have not seen may trigger a refetch, at most one per
 * {@code minRefetchInterval} (by the injected clock), so a caller spraying random kids costs the IdP one request
 * per interval. Concurrent callers share a fetch in flight instead of starting their own; the lock only guards
 * that decision, never the fetch itself. A background thread refreshes on a schedule, and sooner while no key set
 * has been loaded yet.
 */
final class JwksCache implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JwksCache.class.getName());

    private final JwksSource source;
    private final InstantSource clock;
    private final Duration minRefetchInterval;
    private final Duration refreshEvery;
    private final ScheduledExecutorService refresher;
    private final ReentrantLock gate = new ReentrantLock();

    private volatile @Nullable KeySnapshot current;
    /** Guarded by gate. */
    private @Nullable CompletableFuture<Void> inFlight;
    /** Guarded by gate: when the last refetch asked for by a verification started. */
    private @Nullable Instant lastRefetch;

    private JwksCache(JwksSource source, InstantSource clock, Duration refreshEvery, Duration minRefetchInterval) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshEvery = refreshEvery;
        this.minRefetchInterval = minRefetchInterval;
        this.refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("warden-jwks-refresh").factory());
    }

    /** Fetches once now (so the first request does not wait for it), then keeps refreshing in the background. */
    static JwksCache start(JwksSource source, InstantSource clock, Duration refreshEvery,
            Duration minRefetchInterval) {
        var cache = new JwksCache(source, clock, refreshEvery, minRefetchInterval);
        cache.refresh();
        cache.scheduleNext();
        return cache;
    }

    /** The keys as last fetched; null until a fetch has succeeded. */
    @Nullable KeySnapshot current() {
        return current;
    }

    /**
     * Fetches again for a verification that found no key, unless one such refetch started within the interval;
     * joins a fetch already in flight. Returns the keys afterwards (perhaps unchanged).
     */
    @Nullable KeySnapshot refetch() {
        CompletableFuture<Void> running;
        CompletableFuture<Void> mine = null;
        gate.lock();
        try {
            running = inFlight;
            if (running == null) {
                Instant now = clock.instant();
                if (lastRefetch != null && now.isBefore(lastRefetch.plus(minRefetchInterval))) {
                    return current;
                }
                lastRefetch = now;
                mine = new CompletableFuture<>();
                inFlight = mine;
            }
        } finally {
            gate.unlock();
        }
        if (mine == null) {
            // The source bounds its own time, so this wait is bounded too.
            running.join();
            return current;
        }
        fetchInto(mine);
        return current;
    }

    /** Fetches now unless a fetch is already running; for the schedule, not limited by the refetch interval. */
    void refresh() {
        CompletableFuture<Void> mine;
        gate.lock();
        try {
            if (inFlight != null) {
                return;
            }
            mine = new CompletableFuture<>();
            inFlight = mine;
        } finally {
            gate.unlock();
        }
        fetchInto(mine);
    }

    private void fetchInto(CompletableFuture<Void> mine) {
        try {
            var snapshot = KeySnapshot.of(source.fetch());
            if (snapshot.size() == 0) {
                LOG.warning("the identity provider's JWKS holds no usable signing key");
            }
            current = snapshot;
        } catch (IOException | RuntimeException failed) {
            // Keep the last good keys: an IdP outage must not log everyone out.
            LOG.log(Level.WARNING, () -> "JWKS fetch failed" + (current == null ? "" : "; keeping the last "
                    + "key set") + ": " + failed.getMessage());
        } finally {
            gate.lock();
            try {
                inFlight = null;
            } finally {
                gate.unlock();
            }
            mine.complete(null);
        }
    }

    private void scheduleNext() {
        // Until a first key set arrives, every token is refused; retry at the refetch pace, not the refresh pace.
        Duration delay = current == null && minRefetchInterval.compareTo(refreshEvery) < 0
                ? minRefetchInterval : refreshEvery;
        try {
            refresher.schedule(() -> {
                refresh();
                scheduleNext();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // Closed meanwhile: nothing more to schedule.
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}

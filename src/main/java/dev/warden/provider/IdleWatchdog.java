package dev.warden.provider;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes upstream bodies that have gone silent for longer than their stream-idle timeout. One ticking thread
 * for all streams keeps the per-chunk cost to a volatile write, instead of a timer scheduled per read.
 */
final class IdleWatchdog implements AutoCloseable {
    private final Set<WatchedStream> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    IdleWatchdog(long tickMillis) {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("warden-upstream-idle-watchdog").daemon(true).factory());
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    void watch(WatchedStream stream) {
        watched.add(stream);
    }

    void forget(WatchedStream stream) {
        watched.remove(stream);
    }

    int watchedCount() {
        return watched.size();
    }

    private void tick() {
        long now = System.nanoTime();
        for (var stream : watched) {
            stream.closeIfIdle(now);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

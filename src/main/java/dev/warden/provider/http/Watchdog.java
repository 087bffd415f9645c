package dev.warden.provider.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends upstream exchanges that have been silent for too long: connections waiting for a response head, and bodies
 * between reads. One ticking thread looks at them all, so that arming and touching a timeout is a volatile write.
 *
 * <p>Why not socket read timeouts: a read with {@code SO_TIMEOUT} on a virtual thread parks with a timer, and each
 * timer is scheduled and cancelled on the JDK's delay scheduler, which wakes its own thread both times. That cost
 * 20 µs of CPU per proxied call (83 vs 103 µs, {@code bench/ab.sh}) and 17 % of the throughput.
 */
public final class Watchdog implements AutoCloseable {
    /** Something with a time limit; checked once per tick, from the watchdog's thread. */
    public interface Watched {
        void check(long nowNanos);
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    private Watchdog(long tickMillis) {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("warden-upstream-watchdog").daemon(true).factory());
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** A watchdog that checks every {@code tickMillis}: the precision of the time limits it enforces. */
    public static Watchdog start(long tickMillis) {
        return new Watchdog(tickMillis);
    }

    public void watch(Watched target) {
        watched.add(target);
    }

    public void forget(Watched target) {
        watched.remove(target);
    }

    private void tick() {
        long now = System.nanoTime();
        for (var target : watched) {
            try {
                target.check(now);
            } catch (RuntimeException e) {
                // One failing check must not stop the ticking for all the others.
                watched.remove(target);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

package dev.warden.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in progress so shutdown can drain them: once draining starts, readiness fails, new API calls
 * are refused with 503, and shutdown waits until the count reaches zero or the grace period ends.
 */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean draining;

    /** @return false when draining: the caller must refuse the request */
    boolean enter() {
        count.incrementAndGet();
        if (draining) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void exit() {
        count.decrementAndGet();
    }

    boolean draining() {
        return draining;
    }

    int count() {
        return count.get();
    }

    /** Starts draining and waits for the in-flight requests; true if all finished within the grace period. */
    boolean drain(Duration grace) {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (count.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return count.get() == 0;
    }
}

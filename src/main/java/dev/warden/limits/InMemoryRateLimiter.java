package dev.warden.limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Limits held in this process: for a single instance, and as the local fallback when Redis is down. One lock
 * guards all state: a per-key {@code ConcurrentHashMap.compute} cannot make several keys change together, and
 * "all limits or none" needs exactly that. The critical sections are a few arithmetic steps, so the lock is not
 * a bottleneck at gateway request rates.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    /** Every so many acquires, buckets that are full again (TAT in the past) are dropped. */
    private static final int SWEEP_EVERY = 4096;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Long> tats = new HashMap<>();
    private final Map<String, Map<String, Long>> slots = new HashMap<>();
    private final Supplier<String> leaseIds;
    private int sinceSweep;

    /** @param leaseIds unique ids for concurrency leases */
    public InMemoryRateLimiter(Supplier<String> leaseIds) {
        this.leaseIds = leaseIds;
    }

    public static InMemoryRateLimiter create() {
        return new InMemoryRateLimiter(() -> UUID.randomUUID().toString());
    }

    @Override
    public Decision acquire(List<Limit> limits, long tokens, Instant now) {
        var early = Charge.precheck(limits, tokens);
        if (early.isPresent()) {
            return early.get();
        }
        long at = Gcra.micros(now);
        long[] current = new long[limits.size()];
        long[] next = new long[limits.size()];
        lock.lock();
        try {
            sweepNowAndThen(at);
            boolean fits = true;
            for (int i = 0; i < limits.size(); i++) {
                var limit = limits.get(i);
                current[i] = tats.getOrDefault(limit.key(), at);
                long base = Gcra.base(current[i], at);
                long increment = Gcra.increment(limit, limit.costOf(tokens));
                next[i] = base + increment;
                fits &= Gcra.wait(base, increment, Gcra.tolerance(limit), at) <= 0;
            }
            if (!fits) {
                return Charge.refused(limits, tokens, current, at);
            }
            for (int i = 0; i < limits.size(); i++) {
                tats.put(limits.get(i).key(), next[i]);
            }
        } finally {
            lock.unlock();
        }
        return Charge.allowed(limits, next, at);
    }

    @Override
    public void settle(List<Limit> limits, long delta, Instant now) {
        long at = Gcra.micros(now);
        lock.lock();
        try {
            for (var limit : limits) {
                long shifted = Gcra.base(tats.getOrDefault(limit.key(), at), at) + Gcra.increment(limit, delta);
                if (shifted <= at) {
                    tats.remove(limit.key());
                } else {
                    tats.put(limit.key(), shifted);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SlotDecision acquireSlots(List<Concurrency> limits, Instant now) {
        long at = Gcra.micros(now);
        lock.lock();
        try {
            for (var concurrency : limits) {
                var held = slots.get(concurrency.key());
                if (held != null) {
                    held.values().removeIf(expiry -> expiry <= at);
                    if (held.size() >= concurrency.max()) {
                        return new SlotDecision.Busy(concurrency.key(), concurrency.max());
                    }
                }
            }
            var id = leaseIds.get();
            var leases = new ArrayList<Lease>(limits.size());
            for (var concurrency : limits) {
                var expires = now.plus(concurrency.lease());
                slots.computeIfAbsent(concurrency.key(), key -> new HashMap<>()).put(id, Gcra.micros(expires));
                leases.add(new Lease(concurrency.key(), id, expires));
            }
            return new SlotDecision.Granted(leases);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(List<Lease> leases) {
        lock.lock();
        try {
            for (var lease : leases) {
                var held = slots.get(lease.key());
                if (held != null) {
                    held.remove(lease.id());
                    if (held.isEmpty()) {
                        slots.remove(lease.key());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many rate buckets are held; for tests of the sweep. */
    int buckets() {
        lock.lock();
        try {
            return tats.size();
        } finally {
            lock.unlock();
        }
    }

    private void sweepNowAndThen(long at) {
        if (++sinceSweep < SWEEP_EVERY) {
            return;
        }
        sinceSweep = 0;
        tats.values().removeIf(tat -> tat <= at);
        slots.values().removeIf(held -> {
            held.values().removeIf(expiry -> expiry <= at);
            return held.isEmpty();
        });
    }
}

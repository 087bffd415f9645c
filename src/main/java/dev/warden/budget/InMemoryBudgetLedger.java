package dev.warden.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A ledger for one instance: every operation runs under one lock, which makes a multi-line reservation atomic and
 * costs a few microseconds per call. Lines whose window has passed are dropped as time moves on.
 */
final class InMemoryBudgetLedger implements BudgetLedger {
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private record Held(String id, long amount, long expiresAt) {}

    /** One line's state; guarded by the ledger's lock. */
    private static final class Line {
        final TreeMap<Long, Long> spent = new TreeMap<>();
        final Map<String, Held> holds = new HashMap<>();
        /** Holds by expiry; an entry whose hold was settled stays until it expires and is then skipped. */
        final PriorityQueue<Held> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));
        final ThresholdTracker thresholds = new ThresholdTracker();
        long reserved;
        Instant relevantUntil = Instant.MIN;

        void sweep(Instant now, WindowSpan span) {
            long at = now.toEpochMilli();
            while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt <= at) {
                var held = byExpiry.poll();
                if (holds.remove(held.id, held)) {
                    reserved -= held.amount;
                }
            }
            spent.headMap(span.start().toEpochMilli()).clear();
        }

        long spent(WindowSpan span) {
            long total = 0;
            for (long amount : spent.tailMap(span.start().toEpochMilli()).values()) {
                total += amount;
            }
            return total;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Line> lines = new HashMap<>();
    private final Supplier<String> ids;
    private Instant nextPrune = Instant.MIN;

    InMemoryBudgetLedger(Supplier<String> ids) {
        this.ids = ids;
    }

    @Override
    public ReserveResult reserve(List<Hold> holds, Instant now, Duration ttl) {
        Amounts.checkReserve(holds, ttl);
        lock.lock();
        try {
            prune(now);
            var states = new ArrayList<Line>(holds.size());
            for (var hold : holds) {
                var line = hold.line();
                var state = line(line, now);
                long used = state.spent(line.span()) + state.reserved;
                if (used + hold.amount() > line.cap()) {
                    return new ReserveResult.Refused(line, Math.max(0, line.cap() - used));
                }
                states.add(state);
            }
            var id = ids.get();
            long expiresAt = now.plus(ttl).toEpochMilli();
            for (int i = 0; i < holds.size(); i++) {
                var state = states.get(i);
                var held = new Held(id, holds.get(i).amount(), expiresAt);
                if (state.holds.putIfAbsent(id, held) == null) {
                    state.byExpiry.add(held);
                    state.reserved += held.amount;
                }
            }
            return new ReserveResult.Granted(new Reservation(id, holds, Instant.ofEpochMilli(expiresAt)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Settlement settle(Reservation reservation, List<Long> actuals, Instant now) {
        Amounts.checkActuals(reservation, actuals);
        lock.lock();
        try {
            var crossed = new ArrayList<ThresholdCrossing>();
            for (int i = 0; i < actuals.size(); i++) {
                var line = reservation.holds().get(i).line();
                long actual = actuals.get(i);
                var state = line(line, now);
                drop(state, reservation.id());
                if (actual > 0) {
                    state.spent.merge(line.span().bucketOf(now), actual, Long::sum);
                }
                crossed.addAll(state.thresholds.crossed(line, state.spent(line.span()), now));
            }
            return new Settlement(crossed);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Reservation reservation, Instant now) {
        lock.lock();
        try {
            for (var line : reservation.lines()) {
                var state = lines.get(line.name());
                if (state != null) {
                    drop(state, reservation.id());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public LineState state(BudgetLine line, Instant now) {
        lock.lock();
        try {
            var state = line(line, now);
            return new LineState(state.spent(line.span()), state.reserved);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void reset(BudgetLine line, Instant now) {
        lock.lock();
        try {
            var state = line(line, now);
            state.spent.clear();
            state.thresholds.rearm();
        } finally {
            lock.unlock();
        }
    }

    int lineCount() {
        lock.lock();
        try {
            return lines.size();
        } finally {
            lock.unlock();
        }
    }

    private static void drop(Line state, String id) {
        var held = state.holds.remove(id);
        if (held != null) {
            state.reserved -= held.amount;
        }
    }

    private Line line(BudgetLine line, Instant now) {
        var state = lines.computeIfAbsent(line.name(), name -> new Line());
        var until = line.span().relevantUntil();
        if (until.isAfter(state.relevantUntil)) {
            state.relevantUntil = until;
        }
        state.sweep(now, line.span());
        return state;
    }

    /** Drops the state of windows that have ended, so a long-running instance does not keep every past day. */
    private void prune(Instant now) {
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        lines.values().removeIf(state -> state.relevantUntil.isBefore(now)
                && state.holds.values().stream().allMatch(held -> held.expiresAt <= now.toEpochMilli()));
    }
}

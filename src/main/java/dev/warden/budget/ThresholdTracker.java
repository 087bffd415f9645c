package dev.warden.budget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which thresholds of one line's window have fired. A calendar window's spend only grows, so each threshold fires
 * at most once per window; a rolling window's spend also falls as old sub-buckets age out, so a threshold re-arms
 * once settled spend is below it again (the Redis ledger keeps the same rule in its settle script). Not thread-safe:
 * the owner holds its lock.
 */
final class ThresholdTracker {
    private final Set<Integer> fired = new HashSet<>();

    /** The thresholds of {@code line} that {@code spent} newly reaches, marking them fired. */
    List<ThresholdCrossing> crossed(BudgetLine line, long spent, Instant at) {
        var crossed = new ArrayList<ThresholdCrossing>();
        for (int percent : line.thresholds()) {
            if (reached(spent, percent, line.cap())) {
                if (fired.add(percent)) {
                    crossed.add(new ThresholdCrossing(line.scope(), line.span().id(), percent, line.cap(), spent, at,
                            line.unit()));
                }
            } else if (line.span().rolling()) {
                fired.remove(percent);
            }
        }
        return crossed;
    }

    /** Re-arms every threshold: after a manual reset, the window's spend starts again from zero. */
    void rearm() {
        fired.clear();
    }

    static boolean reached(long spent, int percent, long cap) {
        // Micro-dollar and token amounts stay far below Long.MAX_VALUE / 1000, so the products cannot overflow.
        return spent * 100 >= (long) percent * cap;
    }
}

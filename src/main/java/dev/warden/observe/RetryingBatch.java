package dev.warden.observe;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows waiting to be written by a background writer: each flush writes the new rows together with those a failed
 * write left behind. At most {@code maxPending} rows are kept; beyond that the oldest are dropped and the warning
 * says how many. Used by one writer thread at a time (callers synchronize their flush).
 */
public final class RetryingBatch<T> {
    private static final System.Logger LOG = System.getLogger("warden.batch");

    private final String what;
    private final int maxPending;
    private final List<T> pending = new ArrayList<>();

    /** @param what names the rows in warnings: "usage counters", "spend" */
    public RetryingBatch(String what, int maxPending) {
        this.what = what;
        this.maxPending = maxPending;
    }

    /** Adds {@code fresh} to what waits and hands everything to {@code write}; keeps it all if that throws. */
    public void write(List<T> fresh, Consumer<List<T>> write) {
        pending.addAll(fresh);
        if (pending.isEmpty()) {
            return;
        }
        try {
            write.accept(List.copyOf(pending));
            pending.clear();
        } catch (RuntimeException unreachable) {
            int excess = pending.size() - maxPending;
            if (excess > 0) {
                pending.subList(0, excess).clear();
            }
            LOG.log(Level.WARNING, what + " not written (" + pending.size() + " rows kept for retry"
                    + (excess > 0 ? ", " + excess + " oldest dropped" : "") + "): " + unreachable.getMessage());
        }
    }
}

package dev.warden.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where budgets are kept and enforced. The request path reserves a call's maximum cost on every budget line that
 * applies to it, and settles the actual cost afterwards; {@code now} is passed in so that every instance (and every
 * test) decides expiry by the same clock reading as the caller.
 *
 * <p>Exactness: {@code reserve} checks and holds atomically across all lines, so when every call settles at most
 * what it reserved on each line, settled spend never exceeds a cap, however many instances share the ledger.
 */
public interface BudgetLedger {

    /**
     * Holds each hold's amount on its line if every line has room for it on top of its spent and held amounts;
     * otherwise holds nothing and says which line refused. Lines of different units (dollars, tokens) are checked
     * and held together, all or nothing.
     *
     * @param ttl how long the hold counts if the call never settles (a crashed instance)
     */
    ReserveResult reserve(List<Hold> holds, Instant now, Duration ttl);

    /** Holds the same {@code amount} on every line; see {@link #reserve(List, Instant, Duration)}. */
    default ReserveResult reserve(List<BudgetLine> lines, long amount, Instant now, Duration ttl) {
        return reserve(lines.stream().map(line -> new Hold(line, amount)).toList(), now, ttl);
    }

    /**
     * Adds {@code actuals.get(i)} to the spend of the reservation's i-th line and drops the holds. An actual amount
     * may exceed the reserved one: spend that happened is always recorded, and later reservations see it. Settling
     * twice adds the spend twice.
     *
     * @param actuals one amount per hold, in the order of {@link Reservation#holds()}, each in its line's unit
     */
    Settlement settle(Reservation reservation, List<Long> actuals, Instant now);

    /** Adds the same {@code actual} to every line; see {@link #settle(Reservation, List, Instant)}. */
    default Settlement settle(Reservation reservation, long actual, Instant now) {
        return settle(reservation, Collections.nCopies(reservation.holds().size(), actual), now);
    }

    /** Drops the hold without spending (the call never reached a provider). */
    void release(Reservation reservation, Instant now);

    /**
     * The state of one line at {@code now}, for reports and tests.
     *
     * @throws LedgerUnavailableException when the shared ledger cannot be reached
     */
    LineState state(BudgetLine line, Instant now);

    /**
     * Zeroes the settled spend of the line's current window (an operator's manual reset) and re-arms its thresholds,
     * so they can fire again in this window. Live reservations stay held: the calls in flight still settle, and
     * their spend counts after the reset.
     *
     * @throws LedgerUnavailableException when the shared ledger cannot be reached (nothing was reset)
     */
    void reset(BudgetLine line, Instant now);

    /** A ledger for a single instance, in memory, with random reservation ids. */
    static BudgetLedger inMemory() {
        return inMemory(() -> UUID.randomUUID().toString());
    }

    /** A ledger for a single instance, in memory; {@code ids} names reservations (unique, without ':'). */
    static BudgetLedger inMemory(Supplier<String> ids) {
        return new InMemoryBudgetLedger(ids);
    }
}

package dev.warden.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The checks every backend makes before touching its store, and the reading of TATs into a decision afterwards,
 * so the in-memory and Redis limiters cannot drift apart in what they answer.
 */
final class Charge {
    private Charge() {}

    /** Duplicate keys would be read twice before being written once; a request larger than a burst never fits. */
    static Optional<Decision> precheck(List<Limit> limits, long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
        var keys = new HashSet<String>();
        for (var limit : limits) {
            if (!keys.add(limit.key())) {
                throw new IllegalArgumentException("duplicate limit key: " + limit.key());
            }
        }
        for (var limit : limits) {
            if (limit.costOf(tokens) > limit.burst()) {
                return Optional.of(new Decision.TooLarge(limit, limit.costOf(tokens)));
            }
        }
        return Optional.empty();
    }

    /** An admitted request: {@code tats} are the new TATs, one per limit, in order. */
    static Decision allowed(List<Limit> limits, long[] tats, long now) {
        var quotas = new ArrayList<Quota>(limits.size());
        for (int i = 0; i < limits.size(); i++) {
            quotas.add(Gcra.quota(limits.get(i), tats[i], now));
        }
        return new Decision.Allowed(quotas);
    }

    /** A refused request: {@code tats} are the unchanged TATs; the limit that needs the longest wait is named. */
    static Decision refused(List<Limit> limits, long tokens, long[] tats, long now) {
        var quotas = new ArrayList<Quota>(limits.size());
        int worst = 0;
        long longest = Long.MIN_VALUE;
        for (int i = 0; i < limits.size(); i++) {
            var limit = limits.get(i);
            quotas.add(Gcra.quota(limit, tats[i], now));
            long wait = Gcra.wait(Gcra.base(tats[i], now), Gcra.increment(limit, limit.costOf(tokens)),
                    Gcra.tolerance(limit), now);
            if (wait > longest) {
                longest = wait;
                worst = i;
            }
        }
        Duration retryAfter = Gcra.duration(longest);
        return new Decision.Refused(limits.get(worst), retryAfter, quotas);
    }
}

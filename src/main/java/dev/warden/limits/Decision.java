package dev.warden.limits;

import java.time.Duration;
import java.util.List;

/** The answer to one {@link RateLimiter#acquire}. */
public sealed interface Decision {

    /**
     * Every limit had room and has been charged. {@code quotas} is empty when no limiter was asked (fail-open).
     */
    record Allowed(List<Quota> quotas) implements Decision {
        public Allowed {
            quotas = List.copyOf(quotas);
        }
    }

    /**
     * {@code limit} has no room for the request; nothing was charged to any limit. {@code retryAfter} is the
     * longest wait among the limits that refused, so waiting that long is enough for all of them.
     */
    record Refused(Limit limit, Duration retryAfter, List<Quota> quotas) implements Decision {
        public Refused {
            quotas = List.copyOf(quotas);
        }
    }

    /** The request asks for more than {@code limit}'s burst: waiting never helps. Nothing was charged. */
    record TooLarge(Limit limit, long requested) implements Decision {}

    /** The limiter could not decide (its store is unreachable) and policy says refuse: a 503, not a 429. */
    record Unavailable(String reason) implements Decision {}
}

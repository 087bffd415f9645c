package dev.warden.limits;

import dev.warden.redis.FailurePolicy;
import dev.warden.redis.Circuit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Puts a {@link FailurePolicy} in front of a shared limiter (Redis). A call that fails, or that the open
 * {@link Circuit} skips, is answered by the policy: allowed unlimited, refused as unavailable (503), or decided by
 * a local in-memory limiter. Never waits longer than the primary's own timeout, and not at all while the circuit
 * is open. The circuit's counters are for metrics.
 */
public final class FailoverRateLimiter implements RateLimiter {
    private final RateLimiter primary;
    private final FailurePolicy policy;
    private final RateLimiter local;
    private final Circuit circuit;
    private final Supplier<String> leaseIds;

    /**
     * @param local consulted only under {@link FailurePolicy#LOCAL}
     * @param failureThreshold consecutive failures that open the circuit
     * @param openFor how long an open circuit skips the primary
     */
    public FailoverRateLimiter(RateLimiter primary, FailurePolicy policy, RateLimiter local, int failureThreshold,
            Duration openFor, Supplier<String> leaseIds) {
        this.primary = primary;
        this.policy = policy;
        this.local = local;
        this.circuit = new Circuit(failureThreshold, openFor);
        this.leaseIds = leaseIds;
    }

    /** Three failures open the circuit for a second; the local fallback is a fresh in-memory limiter. */
    public static FailoverRateLimiter of(RateLimiter primary, FailurePolicy policy) {
        return new FailoverRateLimiter(primary, policy, InMemoryRateLimiter.create(), 3, Duration.ofSeconds(1),
                () -> UUID.randomUUID().toString());
    }

    @Override
    public Decision acquire(List<Limit> limits, long tokens, Instant now) {
        return guarded(now, () -> primary.acquire(limits, tokens, now), () -> switch (policy) {
            case FAIL_OPEN -> new Decision.Allowed(List.of());
            case FAIL_CLOSED -> new Decision.Unavailable("The rate limiter is unavailable.");
            case LOCAL -> local.acquire(limits, tokens, now);
        });
    }

    @Override
    public void settle(List<Limit> limits, long delta, Instant now) {
        guarded(now, () -> {
            primary.settle(limits, delta, now);
            return null;
        }, () -> {
            if (policy == FailurePolicy.LOCAL) {
                local.settle(limits, delta, now);
            }
            return null;
        });
    }

    @Override
    public SlotDecision acquireSlots(List<Concurrency> limits, Instant now) {
        return guarded(now, () -> primary.acquireSlots(limits, now), () -> switch (policy) {
            case FAIL_OPEN -> {
                var id = leaseIds.get();
                yield new SlotDecision.Granted(limits.stream()
                        .map(limit -> new Lease(limit.key(), id, now.plus(limit.lease()))).toList());
            }
            case FAIL_CLOSED -> new SlotDecision.Unavailable("The rate limiter is unavailable.");
            case LOCAL -> local.acquireSlots(limits, now);
        });
    }

    /**
     * Hands the leases back wherever they may have come from: releasing an unknown lease is harmless on both
     * sides. A Redis lease that cannot be released while Redis is down lapses at its expiry.
     */
    @Override
    public void release(List<Lease> leases) {
        if (policy == FailurePolicy.LOCAL) {
            local.release(leases);
        }
        if (!circuit.open()) {
            try {
                primary.release(leases);
            } catch (LimiterUnavailableException e) {
                circuit.error();
            }
        }
    }

    /**
     * Hands the leases back and settles in one call to the primary; when that fails, the leases lapse at their
     * expiry and the estimate stands there, and under {@code LOCAL} the local limiter settles instead, as
     * {@link #release} and {@link #settle} do apart.
     */
    @Override
    public void finish(List<Lease> leases, List<Limit> limits, long delta, Instant now) {
        if (policy == FailurePolicy.LOCAL && !leases.isEmpty()) {
            local.release(leases);
        }
        guarded(now, () -> {
            primary.finish(leases, limits, delta, now);
            return null;
        }, () -> {
            if (policy == FailurePolicy.LOCAL && delta != 0 && !limits.isEmpty()) {
                local.settle(limits, delta, now);
            }
            return null;
        });
    }

    /**
     * The primary's answer when the circuit lets the call through and it succeeds; otherwise (a failure, counted
     * towards opening the circuit, or a skip) the failure policy's.
     */
    private <T> T guarded(Instant now, Supplier<T> call, Supplier<T> policyAnswer) {
        if (circuit.attempt(Gcra.micros(now))) {
            try {
                var answer = call.get();
                circuit.succeeded();
                return answer;
            } catch (LimiterUnavailableException e) {
                circuit.failed(Gcra.micros(now));
            }
        }
        circuit.fellBack();
        return policyAnswer.get();
    }

    /** The circuit in front of the primary, with its counters (for metrics). */
    public Circuit circuit() {
        return circuit;
    }
}

package dev.warden.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** What every backend must do; each backend's test extends this with its own limiter. */
abstract class RateLimiterContract {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    /** A limiter with no state shared with any earlier test. */
    abstract RateLimiter limiter();

    static Limit rpm(String key, long rate, long burst) {
        return new Limit(key, Measure.REQUESTS, rate, Duration.ofMinutes(1), burst);
    }

    static Limit tpm(String key, long rate) {
        return Limit.perMinute(key, Measure.TOKENS, rate);
    }

    @Test
    void aFullBucketAllowsExactlyItsBurstThenRefusesForOneInterval() {
        var limiter = limiter();
        var limit = rpm("k:rpm", 60, 60);
        for (int i = 0; i < 60; i++) {
            var decision = limiter.acquire(List.of(limit), 0, T0);
            assertThat(decision).isInstanceOf(Decision.Allowed.class);
            assertThat(((Decision.Allowed) decision).quotas().getFirst().remaining()).isEqualTo(59 - i);
        }
        var refused = (Decision.Refused) limiter.acquire(List.of(limit), 0, T0);
        assertThat(refused.limit()).isEqualTo(limit);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.quotas().getFirst().remaining()).isZero();
        assertThat(refused.quotas().getFirst().reset()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void oneIntervalLaterExactlyOneMoreFits() {
        var limiter = limiter();
        var limit = rpm("k:rpm", 60, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(List.of(limit), 0, T0)).isInstanceOf(Decision.Allowed.class);
        }
        var early = (Decision.Refused) limiter.acquire(List.of(limit), 0, T0.plusMillis(999));
        assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(1));
        assertThat(limiter.acquire(List.of(limit), 0, T0.plusSeconds(1))).isInstanceOf(Decision.Allowed.class);
        assertThat(limiter.acquire(List.of(limit), 0, T0.plusSeconds(1))).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void anIdleBucketRefillsToItsBurstAndNoFurther() {
        var limiter = limiter();
        var limit = rpm("k:rpm", 60, 5);
        for (int i = 0; i < 5; i++) {
            limiter.acquire(List.of(limit), 0, T0);
        }
        var later = T0.plus(Duration.ofHours(1));
        int allowed = 0;
        while (limiter.acquire(List.of(limit), 0, later) instanceof Decision.Allowed) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void resetIsTheTimeUntilTheBucketIsFullAgain() {
        var limiter = limiter();
        var limit = rpm("k:rpm", 120, 120);
        Decision last = null;
        for (int i = 0; i < 30; i++) {
            last = limiter.acquire(List.of(limit), 0, T0);
        }
        var quota = ((Decision.Allowed) last).quotas().getFirst();
        assertThat(quota.remaining()).isEqualTo(90);
        assertThat(quota.reset()).isEqualTo(Duration.ofSeconds(15));
        var halfway = (Decision.Allowed) limiter.acquire(List.of(limit), 0, T0.plusSeconds(10));
        assertThat(halfway.quotas().getFirst().reset()).isEqualTo(Duration.ofMillis(5_500));
        assertThat(halfway.quotas().getFirst().remaining()).isEqualTo(109);
    }

    @Test
    void aRefusalByOneLimitChargesNoneOfThem() {
        var limiter = limiter();
        var wide = rpm("k:wide", 100, 100);
        var narrow = rpm("k:narrow", 2, 2);
        assertThat(limiter.acquire(List.of(wide, narrow), 0, T0)).isInstanceOf(Decision.Allowed.class);
        assertThat(limiter.acquire(List.of(wide, narrow), 0, T0)).isInstanceOf(Decision.Allowed.class);
        for (int i = 0; i < 5; i++) {
            var refused = (Decision.Refused) limiter.acquire(List.of(wide, narrow), 0, T0);
            assertThat(refused.limit()).isEqualTo(narrow);
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }
        var alone = (Decision.Allowed) limiter.acquire(List.of(wide), 0, T0);
        assertThat(alone.quotas().getFirst().remaining()).isEqualTo(97);
    }

    @Test
    void theRefusalNamesTheLimitThatNeedsTheLongestWait() {
        var limiter = limiter();
        var requests = rpm("k:rpm", 60, 1);
        var tokens = tpm("k:tpm", 100);
        limiter.acquire(List.of(requests, tokens), 100, T0);
        var refused = (Decision.Refused) limiter.acquire(List.of(requests, tokens), 50, T0);
        assertThat(refused.limit()).isEqualTo(tokens);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRequestLargerThanTheBurstIsTooLargeAndChargesNothing() {
        var limiter = limiter();
        var requests = rpm("k:rpm", 10, 10);
        var tokens = tpm("k:tpm", 1_000);
        var decision = limiter.acquire(List.of(requests, tokens), 1_001, T0);
        assertThat(decision).isEqualTo(new Decision.TooLarge(tokens, 1_001));
        var next = (Decision.Allowed) limiter.acquire(List.of(requests, tokens), 1_000, T0);
        assertThat(next.quotas()).extracting(Quota::remaining).containsExactly(9L, 0L);
    }

    @Test
    void tokensAreChargedByTheEstimateAndSettledByTheActualCount() {
        var limiter = limiter();
        var tokens = tpm("k:tpm", 1_000);
        var first = (Decision.Allowed) limiter.acquire(List.of(tokens), 600, T0);
        assertThat(first.quotas().getFirst().remaining()).isEqualTo(400);
        limiter.settle(tokens, -500, T0);
        var second = (Decision.Allowed) limiter.acquire(List.of(tokens), 800, T0);
        assertThat(second.quotas().getFirst().remaining()).isEqualTo(100);
        limiter.settle(tokens, 300, T0);
        var refused = (Decision.Refused) limiter.acquire(List.of(tokens), 1, T0);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(12_060));
    }

    @Test
    void givingBackNeverFillsABucketBeyondItsBurst() {
        var limiter = limiter();
        var tokens = tpm("k:tpm", 1_000);
        limiter.settle(tokens, -10_000, T0);
        assertThat(limiter.acquire(List.of(tokens), 1_000, T0)).isInstanceOf(Decision.Allowed.class);
        assertThat(limiter.acquire(List.of(tokens), 1, T0)).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void noLimitsAllowsAndDuplicateKeysAreAMistake() {
        var limiter = limiter();
        assertThat(limiter.acquire(List.of(), 10, T0)).isEqualTo(new Decision.Allowed(List.of()));
        assertThatThrownBy(() -> limiter.acquire(List.of(rpm("k:same", 1, 1), rpm("k:same", 2, 2)), 0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k:same");
    }

    @Test
    void concurrentAcquiresAdmitExactlyTheBurst() throws Exception {
        var limiter = limiter();
        var limit = rpm("k:rpm", 50, 50);
        assertThat(admitted(List.of(limiter), limit, 100)).isEqualTo(50);
    }

    @Test
    void slotsAreHeldUntilReleased() {
        var limiter = limiter();
        var parallel = new Concurrency("k:parallel", 2, Duration.ofMinutes(10));
        var first = (SlotDecision.Granted) limiter.acquireSlot(parallel, T0);
        assertThat(limiter.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Granted.class);
        assertThat(limiter.acquireSlot(parallel, T0)).isEqualTo(new SlotDecision.Busy("k:parallel", 2));
        limiter.release(first.lease());
        limiter.release(first.lease());
        assertThat(limiter.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Granted.class);
        assertThat(limiter.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Busy.class);
    }

    @Test
    void aLeaseNeverReleasedLapsesAtItsExpiry() {
        var limiter = limiter();
        var parallel = new Concurrency("k:parallel", 1, Duration.ofSeconds(30));
        var held = (SlotDecision.Granted) limiter.acquireSlot(parallel, T0);
        assertThat(held.lease().expires()).isEqualTo(T0.plusSeconds(30));
        assertThat(limiter.acquireSlot(parallel, T0.plusSeconds(29))).isInstanceOf(SlotDecision.Busy.class);
        assertThat(limiter.acquireSlot(parallel, T0.plusSeconds(30))).isInstanceOf(SlotDecision.Granted.class);
    }

    @Test
    void slotsOfSeveralScopesAreTakenAllOrNothingAndReleasedTogether() {
        var limiter = limiter();
        var key = new Concurrency("key:k:parallel", 2, Duration.ofMinutes(10));
        var team = new Concurrency("team:t:parallel", 1, Duration.ofMinutes(5));
        var both = (SlotDecision.Granted) limiter.acquireSlots(List.of(key, team), T0);
        assertThat(both.leases()).extracting(Lease::key).containsExactly("key:k:parallel", "team:t:parallel");
        assertThat(both.leases()).extracting(Lease::expires).containsExactly(T0.plusSeconds(600),
                T0.plusSeconds(300));
        // The team is full: the key's free slot is not taken either.
        assertThat(limiter.acquireSlots(List.of(key, team), T0)).isEqualTo(new SlotDecision.Busy("team:t:parallel",
                1));
        assertThat(limiter.acquireSlot(key, T0)).isInstanceOf(SlotDecision.Granted.class);
        assertThat(limiter.acquireSlot(key, T0)).isInstanceOf(SlotDecision.Busy.class);
        limiter.release(both.leases());
        assertThat(limiter.acquireSlots(List.of(key, team), T0)).isInstanceOf(SlotDecision.Granted.class);
    }

    @Test
    void settlingSeveralLimitsMovesEachByItsOwnRate() {
        var limiter = limiter();
        var small = tpm("key:k:tpm", 1_000);
        var large = tpm("team:t:tpm", 10_000);
        limiter.acquire(List.of(small, large), 500, T0);
        limiter.settle(List.of(small, large), 400, T0);
        var after = (Decision.Allowed) limiter.acquire(List.of(small, large), 0, T0);
        assertThat(after.quotas()).extracting(Quota::remaining).containsExactly(100L, 9_100L);
    }

    @Test
    void finishingHandsTheSlotsBackAndSettlesTheTokensTogether() {
        var limiter = limiter();
        var parallel = new Concurrency("key:k:parallel", 1, Duration.ofMinutes(10));
        var tokens = tpm("key:k:tpm", 1_000);
        limiter.acquire(List.of(tokens), 600, T0);
        var held = (SlotDecision.Granted) limiter.acquireSlots(List.of(parallel), T0);
        assertThat(limiter.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Busy.class);
        limiter.finish(held.leases(), List.of(tokens), -500, T0);
        assertThat(limiter.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Granted.class);
        var after = (Decision.Allowed) limiter.acquire(List.of(tokens), 0, T0);
        assertThat(after.quotas().getFirst().remaining()).isEqualTo(900);
        limiter.finish(List.of(), List.of(tokens), 0, T0);
        limiter.finish(List.of(), List.of(), 100, T0);
    }

    /** Fires {@code requests} acquires at once, spread over the limiters, and counts the admitted ones. */
    static int admitted(List<RateLimiter> limiters, Limit limit, int requests) throws Exception {
        var calls = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < requests; i++) {
            var limiter = limiters.get(i % limiters.size());
            calls.add(() -> limiter.acquire(List.of(limit), 0, T0) instanceof Decision.Allowed);
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            int admitted = 0;
            for (var result : pool.invokeAll(calls)) {
                admitted += result.get() ? 1 : 0;
            }
            return admitted;
        }
    }
}

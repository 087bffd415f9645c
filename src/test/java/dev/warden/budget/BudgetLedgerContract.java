package dev.warden.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link BudgetLedger} must do; each backend's test supplies fresh ledgers. */
abstract class BudgetLedgerContract {
    /** In the future of the machine's clock, so Redis keys (expiring at absolute times) outlive the test. */
    static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Duration TTL = Duration.ofSeconds(30);

    /** A new ledger; ledgers made by one test share their state (as instances sharing one store would). */
    abstract BudgetLedger ledger();

    static BudgetLine daily(String scope, long cap, Integer... thresholds) {
        return new BudgetLine(scope, new Window.Daily().spanAt(NOW, UTC), cap, List.of(thresholds));
    }

    static Reservation granted(ReserveResult result) {
        assertThat(result).isInstanceOf(ReserveResult.Granted.class);
        return ((ReserveResult.Granted) result).reservation();
    }

    /** The key test: 200 concurrent calls against a budget that fits exactly 50, on one ledger. */
    @Test
    void ofTwoHundredConcurrentCallsOnOneLedgerExactlyFiftyFit() throws Exception {
        var ledger = ledger();
        exactlyFiftyOfTwoHundredFit(List.of(ledger, ledger));
    }

    /** The same across two ledgers sharing one store (two gateway instances). */
    @Test
    void ofTwoHundredConcurrentCallsOnTwoLedgersExactlyFiftyFit() throws Exception {
        exactlyFiftyOfTwoHundredFit(List.of(ledger(), ledger()));
    }

    private static void exactlyFiftyOfTwoHundredFit(List<BudgetLedger> ledgers) throws Exception {
        var line = daily("key:concurrent", 50_000);
        var granted = new AtomicInteger();
        var refused = new ConcurrentLinkedQueue<ReserveResult.Refused>();
        var start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = new ArrayList<Future<?>>();
            for (int i = 0; i < 200; i++) {
                var ledger = ledgers.get(i % 2);
                calls.add(threads.submit(() -> {
                    start.await();
                    switch (ledger.reserve(List.of(line), 1_000, NOW, TTL)) {
                        case ReserveResult.Granted g -> {
                            granted.incrementAndGet();
                            ledger.settle(g.reservation(), 1_000, NOW.plusMillis(5));
                        }
                        case ReserveResult.Refused r -> refused.add(r);
                        case ReserveResult.Unavailable u -> throw new AssertionError(u.reason());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var call : calls) {
                call.get();
            }
        }
        assertThat(granted).hasValue(50);
        assertThat(refused).hasSize(150).allSatisfy(r -> assertThat(r.remaining()).isLessThan(1_000));
        assertThat(ledgers.get(0).state(line, NOW.plusMillis(10))).isEqualTo(new LineState(50_000, 0));
        assertThat(ledgers.get(1).reserve(List.of(line), 1, NOW.plusMillis(10), TTL))
                .isEqualTo(new ReserveResult.Refused(line, 0));
    }

    /**
     * Seeded random calls on two lines racing on two ledgers: random amounts, settling at most the reservation,
     * some released, some never settled (crashed, expiring). Spend never exceeds either cap, nothing stays held.
     */
    @Test
    void settledSpendNeverExceedsACapWhenCallsSettleAtMostTheirReservation() throws Exception {
        var key = daily("key:random", 40_000);
        var team = daily("team:random", 25_000);
        var ledgers = List.of(ledger(), ledger());
        var settled = new java.util.concurrent.atomic.AtomicLong();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                long seed = 42 + t;
                var ledger = ledgers.get(t % 2);
                threads.submit(() -> {
                    var random = new java.util.Random(seed);
                    for (int i = 0; i < 40; i++) {
                        var lines = random.nextBoolean() ? List.of(key, team) : List.of(key);
                        long amount = 1 + random.nextInt(3_000);
                        if (ledger.reserve(lines, amount, NOW, Duration.ofSeconds(1))
                                instanceof ReserveResult.Granted(var held)) {
                            switch (random.nextInt(4)) {
                                case 0 -> ledger.release(held, NOW);
                                case 1 -> { } // crashed: the hold expires
                                default -> {
                                    long actual = random.nextLong(amount + 1);
                                    ledger.settle(held, actual, NOW);
                                    settled.addAndGet(actual);
                                }
                            }
                        }
                    }
                    return null;
                });
            }
        }
        var after = NOW.plusSeconds(1);
        var keyState = ledgers.getFirst().state(key, after);
        var teamState = ledgers.getFirst().state(team, after);
        assertThat(keyState.spent()).isEqualTo(settled.get()).isLessThanOrEqualTo(40_000).isPositive();
        assertThat(teamState.spent()).isLessThanOrEqualTo(25_000).isPositive();
        assertThat(keyState.reserved()).isZero();
        assertThat(teamState.reserved()).isZero();
        // Once expired holds are swept, the whole remaining room can be reserved again.
        granted(ledgers.getFirst().reserve(List.of(key), 40_000 - keyState.spent(), after, TTL));
    }

    @Test
    void anUnsettledReservationStopsCountingExactlyAtItsExpiry() {
        var ledger = ledger();
        var line = daily("key:expiry", 1_000);
        var crashed = granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
        assertThat(crashed.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(ledger.reserve(List.of(line), 1, NOW.plus(TTL).minusMillis(1), TTL))
                .isEqualTo(new ReserveResult.Refused(line, 0));
        var next = granted(ledger.reserve(List.of(line), 1_000, NOW.plus(TTL), TTL));
        assertThat(ledger.state(line, NOW.plus(TTL))).isEqualTo(new LineState(0, 1_000));
        // The crashed call settling late records its spend without releasing the live hold of the next call.
        ledger.settle(crashed, 200, NOW.plus(TTL).plusSeconds(1));
        assertThat(ledger.state(line, NOW.plus(TTL).plusSeconds(1))).isEqualTo(new LineState(200, 1_000));
        ledger.settle(next, 800, NOW.plus(TTL).plusSeconds(2));
        assertThat(ledger.state(line, NOW.plus(TTL).plusSeconds(2))).isEqualTo(new LineState(1_000, 0));
    }

    @Test
    void expiredHoldsAreSweptOnceAndNeverLeak() {
        var ledger = ledger();
        var line = daily("key:sweep", 10_000);
        for (int i = 0; i < 20; i++) {
            granted(ledger.reserve(List.of(line), 500, NOW.plusMillis(i), Duration.ofMillis(100 + i)));
        }
        assertThat(ledger.state(line, NOW.plusMillis(50)).reserved()).isEqualTo(10_000);
        // Every hold expired; the next reservation sweeps them all and the full cap is free again.
        var after = NOW.plusSeconds(1);
        var full = granted(ledger.reserve(List.of(line), 10_000, after, TTL));
        assertThat(ledger.state(line, after)).isEqualTo(new LineState(0, 10_000));
        ledger.release(full, after);
        assertThat(ledger.state(line, after)).isEqualTo(new LineState(0, 0));
    }

    @Test
    void aRefusalOnOneLineHoldsNothingOnTheOthers() {
        var ledger = ledger();
        var key = daily("key:multi", 10_000);
        var team = daily("team:multi", 1_500);
        ledger.settle(granted(ledger.reserve(List.of(team), 1_000, NOW, TTL)), 1_000, NOW);
        var refused = ledger.reserve(List.of(key, team), 1_000, NOW, TTL);
        assertThat(refused).isEqualTo(new ReserveResult.Refused(team, 500));
        assertThat(ledger.state(key, NOW)).isEqualTo(new LineState(0, 0));
        assertThat(ledger.state(team, NOW)).isEqualTo(new LineState(1_000, 0));
        var both = granted(ledger.reserve(List.of(key, team), 500, NOW, TTL));
        assertThat(ledger.state(key, NOW)).isEqualTo(new LineState(0, 500));
        assertThat(ledger.state(team, NOW)).isEqualTo(new LineState(1_000, 500));
        ledger.settle(both, 400, NOW);
        assertThat(ledger.state(key, NOW)).isEqualTo(new LineState(400, 0));
        assertThat(ledger.state(team, NOW)).isEqualTo(new LineState(1_400, 0));
    }

    @Test
    void spendBeyondTheReservationIsRecordedAndSeenByLaterCalls() {
        var ledger = ledger();
        var line = daily("key:overrun", 5_000);
        ledger.settle(granted(ledger.reserve(List.of(line), 1_000, NOW, TTL)), 4_500, NOW);
        assertThat(ledger.state(line, NOW)).isEqualTo(new LineState(4_500, 0));
        assertThat(ledger.reserve(List.of(line), 1_000, NOW, TTL)).isEqualTo(new ReserveResult.Refused(line, 500));
        ledger.settle(granted(ledger.reserve(List.of(line), 500, NOW, TTL)), 900, NOW);
        // 5_400 spent of 5_000: over budget, even a call reserving nothing is refused.
        assertThat(ledger.state(line, NOW)).isEqualTo(new LineState(5_400, 0));
        assertThat(ledger.reserve(List.of(line), 0, NOW, TTL)).isEqualTo(new ReserveResult.Refused(line, 0));
    }

    @Test
    void releasingFreesTheHoldWithoutSpending() {
        var ledger = ledger();
        var line = daily("key:release", 1_000);
        var held = granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
        ledger.release(held, NOW);
        ledger.release(held, NOW);
        assertThat(ledger.state(line, NOW)).isEqualTo(new LineState(0, 0));
        granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
    }

    @Test
    void aNewDayStartsFromZero() {
        var ledger = ledger();
        var today = daily("key:days", 1_000);
        ledger.settle(granted(ledger.reserve(List.of(today), 1_000, NOW, TTL)), 1_000, NOW);
        assertThat(ledger.reserve(List.of(today), 1, NOW, TTL)).isInstanceOf(ReserveResult.Refused.class);
        var tomorrow = NOW.plus(Duration.ofDays(1));
        var line = new BudgetLine("key:days", new Window.Daily().spanAt(tomorrow, UTC), 1_000, List.of());
        granted(ledger.reserve(List.of(line), 1_000, tomorrow, TTL));
    }

    @Test
    void rollingSpendAgesOutSubBucketBySubBucket() {
        var ledger = ledger();
        var window = new Window.Rolling(Duration.ofHours(1));
        var first = new BudgetLine("key:rolling", window.spanAt(NOW, UTC), 1_000, List.of());
        ledger.settle(granted(ledger.reserve(List.of(first), 600, NOW, TTL)), 600, NOW);
        var later = NOW.plus(Duration.ofMinutes(30));
        var second = new BudgetLine("key:rolling", window.spanAt(later, UTC), 1_000, List.of());
        ledger.settle(granted(ledger.reserve(List.of(second), 400, later, TTL)), 400, later);
        assertThat(ledger.reserve(List.of(second), 1, later, TTL)).isInstanceOf(ReserveResult.Refused.class);
        // One hour and one sub-bucket after the first spend it no longer counts; the second still does.
        var expired = NOW.plus(Duration.ofMinutes(61));
        var third = new BudgetLine("key:rolling", window.spanAt(expired, UTC), 1_000, List.of());
        assertThat(ledger.state(third, expired)).isEqualTo(new LineState(400, 0));
        assertThat(ledger.reserve(List.of(third), 601, expired, TTL)).isEqualTo(new ReserveResult.Refused(third, 600));
        granted(ledger.reserve(List.of(third), 600, expired, TTL));
    }

    @Test
    void eachThresholdIsReportedOncePerWindow() {
        var ledger = ledger();
        var line = daily("team:alerts", 10_000, 50, 80, 100);
        assertThat(settle(ledger, line, 4_000).crossed()).isEmpty();
        assertThat(settle(ledger, line, 1_000).crossed()).singleElement()
                .isEqualTo(new ThresholdCrossing("team:alerts", line.span().id(), 50, 10_000, 5_000, NOW));
        assertThat(settle(ledger, line, 4_000).crossed()).extracting(ThresholdCrossing::percent).containsExactly(80);
        assertThat(settle(ledger, line, 500).crossed()).isEmpty();
        assertThat(settle(ledger, line, 500).crossed()).extracting(ThresholdCrossing::percent).containsExactly(100);
        assertThat(ledger.settle(granted(ledger.reserve(List.of(line), 0, NOW, TTL)), 100, NOW).crossed()).isEmpty();
    }

    @Test
    void concurrentSettlesReportEachThresholdExactlyOnce() throws Exception {
        var line = daily("org:alerts", 10_000, 50, 80, 100);
        var ledgers = List.of(ledger(), ledger());
        var crossed = new ConcurrentLinkedQueue<ThresholdCrossing>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                var ledger = ledgers.get(i % 2);
                threads.submit(() -> crossed.addAll(settle(ledger, line, 100).crossed()));
            }
        }
        assertThat(crossed).extracting(ThresholdCrossing::percent).containsExactlyInAnyOrder(50, 80, 100);
    }

    /** A reset on one ledger is seen by the other (two instances); holds of calls in flight survive it. */
    @Test
    void aResetZeroesTheWindowsSpendOnEveryLedgerAndKeepsLiveHolds() {
        var first = ledger();
        var second = ledger();
        var line = daily("team:reset", 1_000);
        var other = daily("team:untouched", 1_000);
        first.settle(granted(first.reserve(List.of(line, other), 800, NOW, TTL)), 800, NOW);
        var inFlight = granted(first.reserve(List.of(line), 150, NOW, TTL));
        assertThat(second.reserve(List.of(line), 100, NOW, TTL)).isEqualTo(new ReserveResult.Refused(line, 50));

        first.reset(line, NOW.plusSeconds(1));

        assertThat(second.state(line, NOW.plusSeconds(1))).isEqualTo(new LineState(0, 150));
        assertThat(second.state(other, NOW.plusSeconds(1))).as("only the named line").isEqualTo(new LineState(800, 0));
        granted(second.reserve(List.of(line), 850, NOW.plusSeconds(1), TTL));
        // The call in flight settles after the reset, and its spend counts in the window.
        second.settle(inFlight, 120, NOW.plusSeconds(2));
        assertThat(first.state(line, NOW.plusSeconds(2))).isEqualTo(new LineState(120, 850));
    }

    @Test
    void thresholdsFiredBeforeAResetFireAgainAfterIt() {
        var ledger = ledger();
        var line = daily("org:rearm", 10_000, 50, 100);
        assertThat(settle(ledger, line, 6_000).crossed()).extracting(ThresholdCrossing::percent).containsExactly(50);
        ledger().reset(line, NOW);
        assertThat(settle(ledger, line, 4_000).crossed()).isEmpty();
        assertThat(settle(ledger, line, 6_000).crossed()).extracting(ThresholdCrossing::percent)
                .containsExactly(50, 100);
    }

    @Test
    void aResetOfARollingWindowClearsEverySubBucket() {
        var ledger = ledger();
        var window = new Window.Rolling(Duration.ofHours(1));
        var later = NOW.plus(Duration.ofMinutes(20));
        // Spend in two sub-buckets twenty minutes apart, both inside the hour.
        for (var at : List.of(NOW, later)) {
            var then = new BudgetLine("key:rolling-reset", window.spanAt(at, UTC), 1_000, List.of());
            ledger.settle(granted(ledger.reserve(List.of(then), 450, at, TTL)), 450, at);
        }
        var line = new BudgetLine("key:rolling-reset", window.spanAt(later, UTC), 1_000, List.of());
        assertThat(ledger.state(line, later).spent()).isEqualTo(900);
        ledger.reset(line, later);
        assertThat(ledger.state(line, later)).isEqualTo(new LineState(0, 0));
        granted(ledger.reserve(List.of(line), 1_000, later, TTL));
    }

    @Test
    void badAmountsAreRefusedWithAClearError() {
        var ledger = ledger();
        var line = daily("key:bad", 1_000);
        assertThatThrownBy(() -> ledger.reserve(List.of(line), -1, NOW, TTL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> ledger.reserve(List.of(line), 1, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        var held = granted(ledger.reserve(List.of(line), 1, NOW, TTL));
        assertThatThrownBy(() -> ledger.settle(held, -5, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThat(ledger.state(line, NOW)).isEqualTo(new LineState(0, 1));
    }

    static BudgetLine dailyTokens(String scope, long cap, Integer... thresholds) {
        return new BudgetLine(scope, new Window.Daily().spanAt(NOW, UTC), cap, List.of(thresholds),
                BudgetLine.Unit.TOKENS);
    }

    @Test
    void eachLineHoldsAndSettlesItsOwnAmount() {
        var ledger = ledger();
        var usd = daily("key:mixed", 10_000);
        var tokens = dailyTokens("key:mixed#tokens", 1_000);
        var held = granted(ledger.reserve(List.of(new Hold(usd, 2_500), new Hold(tokens, 300)), NOW, TTL));
        assertThat(ledger.state(usd, NOW)).isEqualTo(new LineState(0, 2_500));
        assertThat(ledger.state(tokens, NOW)).isEqualTo(new LineState(0, 300));
        ledger.settle(held, List.of(2_000L, 450L), NOW);
        assertThat(ledger.state(usd, NOW)).isEqualTo(new LineState(2_000, 0));
        assertThat(ledger.state(tokens, NOW)).isEqualTo(new LineState(450, 0));
        var released = granted(ledger.reserve(List.of(new Hold(usd, 8_000), new Hold(tokens, 550)), NOW, TTL));
        ledger.release(released, NOW);
        assertThat(ledger.state(usd, NOW)).isEqualTo(new LineState(2_000, 0));
        assertThat(ledger.state(tokens, NOW)).isEqualTo(new LineState(450, 0));
    }

    @Test
    void aTokenLineWithoutRoomRefusesTheDollarLineToo() {
        var ledger = ledger();
        var usd = daily("team:mixed", 1_000_000);
        var tokens = dailyTokens("team:mixed#tokens", 1_000);
        ledger.settle(granted(ledger.reserve(List.of(new Hold(tokens, 900)), NOW, TTL)), List.of(900L), NOW);
        assertThat(ledger.reserve(List.of(new Hold(usd, 10), new Hold(tokens, 101)), NOW, TTL))
                .isEqualTo(new ReserveResult.Refused(tokens, 100));
        assertThat(ledger.state(usd, NOW)).isEqualTo(new LineState(0, 0));
        granted(ledger.reserve(List.of(new Hold(usd, 10), new Hold(tokens, 100)), NOW, TTL));
        assertThat(ledger.state(usd, NOW)).isEqualTo(new LineState(0, 10));
    }

    /** A token cap that fits exactly 40 calls of 375 weighted tokens, each also holding dollars on a roomy line. */
    @Test
    void ofTwoHundredConcurrentMixedCallsOnTwoLedgersExactlyTheTokenCapsWorthFit() throws Exception {
        var usd = daily("user:race", 1_000_000_000);
        var tokens = dailyTokens("user:race#tokens", 40 * 375);
        var ledgers = List.of(ledger(), ledger());
        var granted = new AtomicInteger();
        var start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = new ArrayList<Future<?>>();
            for (int i = 0; i < 200; i++) {
                var ledger = ledgers.get(i % 2);
                calls.add(threads.submit(() -> {
                    start.await();
                    if (ledger.reserve(List.of(new Hold(usd, 7_000), new Hold(tokens, 375)), NOW, TTL)
                            instanceof ReserveResult.Granted(var held)) {
                        granted.incrementAndGet();
                        ledger.settle(held, List.of(7_000L, 375L), NOW.plusMillis(5));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var call : calls) {
                call.get();
            }
        }
        assertThat(granted).hasValue(40);
        assertThat(ledgers.get(1).state(tokens, NOW.plusMillis(10))).isEqualTo(new LineState(15_000, 0));
        assertThat(ledgers.get(0).state(usd, NOW.plusMillis(10))).isEqualTo(new LineState(280_000, 0));
    }

    @Test
    void aTokenLineReportsItsThresholdsInTokens() {
        var ledger = ledger();
        var tokens = dailyTokens("org:alerts#tokens", 1_000, 50);
        var held = granted(ledger.reserve(List.of(new Hold(tokens, 0)), NOW, TTL));
        assertThat(ledger.settle(held, List.of(600L), NOW).crossed()).singleElement().isEqualTo(
                new ThresholdCrossing("org:alerts#tokens", tokens.span().id(), 50, 1_000, 600, NOW,
                        BudgetLine.Unit.TOKENS));
    }

    @Test
    void aSettleNeedsOneAmountPerLine() {
        var ledger = ledger();
        var held = granted(ledger.reserve(List.of(new Hold(daily("key:count", 100), 1),
                new Hold(dailyTokens("key:count#tokens", 100), 1)), NOW, TTL));
        assertThatThrownBy(() -> ledger.settle(held, List.of(1L), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one amount per line");
    }

    private static Settlement settle(BudgetLedger ledger, BudgetLine line, long amount) {
        return ledger.settle(granted(ledger.reserve(List.of(line), 0, NOW, TTL)), amount, NOW);
    }
}

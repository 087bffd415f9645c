package dev.warden.budget;

import dev.warden.redis.FailurePolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Against the machine's Redis (127.0.0.1:6379): fails, never skips, when it is not there. */
class RedisBudgetLedgerTest extends BudgetLedgerContract {
    private static final Duration GRACE = Duration.ofHours(1);

    private final String prefix = "warden-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            .toLowerCase(Locale.ROOT) + ":";
    private final List<UnifiedJedis> clients = new ArrayList<>();

    /** Each ledger has its own connection pool, as separate gateway instances would. */
    @Override
    BudgetLedger ledger() {
        return RedisBudgetLedger.create(client(6379), prefix, FailurePolicy.FAIL_CLOSED, GRACE);
    }

    private UnifiedJedis client(int port) {
        var client = RedisBudgetLedger.client("127.0.0.1", port, Duration.ofMillis(500), 16);
        clients.add(client);
        return client;
    }

    @AfterEach
    void cleanUp() {
        try (var redis = RedisBudgetLedger.client("127.0.0.1", 6379, Duration.ofSeconds(2), 1)) {
            for (var key : redis.keys(prefix + "*")) {
                redis.del(key);
            }
        }
        clients.forEach(UnifiedJedis::close);
    }

    @Test
    void keysExpireAGraceAfterTheirWindow() {
        var ledger = ledger();
        var line = daily("key:ttl", 1_000);
        granted(ledger.reserve(List.of(line), 100, NOW, TTL));
        var redis = clients.getFirst();
        var hash = prefix + "budget:key:ttl:" + line.span().id();
        long expected = line.span().end().plus(GRACE).toEpochMilli();
        assertThat(redis.pexpireTime(hash)).isEqualTo(expected);
        assertThat(redis.pexpireTime(hash + ":holds")).isEqualTo(expected);
    }

    @Test
    void aTokenLineKeepsItsOwnKeysBesideTheDollarLineOfTheSameScope() {
        var ledger = ledger();
        var usd = daily("key:both", 10_000);
        var tokens = dailyTokens("key:both#tokens", 1_000);
        granted(ledger.reserve(List.of(new Hold(usd, 2_500), new Hold(tokens, 300)), NOW, TTL));
        var redis = clients.getFirst();
        var dollars = prefix + "budget:key:both:" + usd.span().id();
        var weighted = prefix + "budget:key:both#tokens:" + tokens.span().id();
        assertThat(redis.hget(dollars, "reserved")).isEqualTo("2500");
        assertThat(redis.hget(weighted, "reserved")).isEqualTo("300");
        assertThat(redis.zrange(weighted + ":holds", 0, -1)).singleElement().asString().endsWith(":300");
    }

    @Test
    void sweptAndSettledHoldsLeaveNothingBehindInRedis() {
        var ledger = ledger();
        var line = daily("key:leak", 10_000);
        var settled = granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
        granted(ledger.reserve(List.of(line), 2_000, NOW, Duration.ofSeconds(1)));
        var released = granted(ledger.reserve(List.of(line), 3_000, NOW, TTL));
        ledger.settle(settled, 700, NOW);
        ledger.release(released, NOW);
        // The crashed hold is swept by the next operation after its expiry.
        ledger.release(settled, NOW.plusSeconds(1));
        var redis = clients.getFirst();
        var hash = prefix + "budget:key:leak:" + line.span().id();
        assertThat(redis.zcard(hash + ":holds")).isZero();
        assertThat(redis.hget(hash, "reserved")).isEqualTo("0");
        assertThat(redis.hget(hash, "s:" + line.span().start().toEpochMilli())).isEqualTo("700");
    }

    @Test
    void anUnreachableRedisFailsClosedWithinASecond() {
        var ledger = RedisBudgetLedger.create(client(1), prefix, FailurePolicy.FAIL_CLOSED, GRACE);
        var line = daily("key:down", 1_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            var result = ledger.reserve(List.of(line), 100, NOW, TTL);
            assertThat(result).isEqualTo(new ReserveResult.Unavailable("the budget ledger is unavailable"));
        });
    }

    @Test
    void afterThreeFailuresInARowRedisIsSkippedForASecondAndThenProbedAgain() {
        var ledger = RedisBudgetLedger.create(client(1), prefix, FailurePolicy.FAIL_CLOSED, GRACE);
        var line = daily("key:circuit", 1_000);
        for (int i = 0; i < 5; i++) {
            assertThat(ledger.reserve(List.of(line), 100, NOW, TTL)).isInstanceOf(ReserveResult.Unavailable.class);
        }
        assertThat(ledger.circuit().errors()).as("three failures open the circuit").isEqualTo(3);
        assertThat(ledger.circuit().skipped()).isEqualTo(2);
        assertThat(ledger.circuit().fallbacks()).isEqualTo(5);
        ledger.reserve(List.of(line), 100, NOW.plusMillis(999), TTL);
        assertThat(ledger.circuit().errors()).as("still open").isEqualTo(3);
        ledger.reserve(List.of(line), 100, NOW.plusSeconds(1), TTL);
        assertThat(ledger.circuit().errors()).as("one probe after the second").isEqualTo(4);
    }

    @Test
    void anUnreachableRedisFailsOpenAndSettlingDoesNotHang() {
        var ledger = RedisBudgetLedger.create(client(1), prefix, FailurePolicy.FAIL_OPEN, GRACE);
        var line = daily("key:down", 1_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            var held = granted(ledger.reserve(List.of(line), 100, NOW, TTL));
            assertThat(ledger.settle(held, 100, NOW)).isEqualTo(Settlement.NONE);
            ledger.release(held, NOW);
        });
    }

    @Test
    void anUnreachableRedisUnderTheLocalPolicyEnforcesTheCapOnThisInstance() {
        var ledger = RedisBudgetLedger.create(client(1), prefix, FailurePolicy.LOCAL, GRACE);
        var line = daily("key:local", 3_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            var first = granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
            granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
            var third = granted(ledger.reserve(List.of(line), 1_000, NOW, TTL));
            assertThat(ledger.reserve(List.of(line), 1, NOW, TTL)).isEqualTo(new ReserveResult.Refused(line, 0));
            ledger.release(third, NOW);
            assertThat(ledger.settle(first, 400, NOW)).isEqualTo(Settlement.NONE);
            // 400 spent and 1_000 held: 1_600 left on this instance.
            assertThat(ledger.reserve(List.of(line), 1_601, NOW, TTL))
                    .isEqualTo(new ReserveResult.Refused(line, 1_600));
        });
    }

    @Test
    void aReservationAdmittedWhileRedisWasDownStillRecordsItsSpendOnceRedisIsBack() {
        var down = RedisBudgetLedger.create(client(1), prefix, FailurePolicy.FAIL_OPEN, GRACE);
        var line = daily("key:recovered", 1_000);
        var held = granted(down.reserve(List.of(line), 100, NOW, TTL));
        var up = ledger();
        up.settle(held, 300, NOW);
        assertThat(up.state(line, NOW)).isEqualTo(new LineState(300, 0));
    }

    @Test
    void aResetWhileRedisIsDownSaysSoInsteadOfPretending() {
        var ledger = RedisBudgetLedger.create(client(1), prefix, FailurePolicy.FAIL_OPEN, GRACE);
        assertThatThrownBy(() -> ledger.reset(daily("team:down", 1_000), NOW))
                .isInstanceOf(LedgerUnavailableException.class).hasMessageContaining("unavailable");
    }

    @Test
    void aScriptFlushedFromRedisIsSentAgain() {
        var ledger = ledger();
        var line = daily("key:flush", 1_000);
        granted(ledger.reserve(List.of(line), 100, NOW, TTL));
        clients.getFirst().scriptFlush();
        granted(ledger.reserve(List.of(line), 100, NOW, TTL));
        assertThat(ledger.state(line, NOW)).isEqualTo(new LineState(0, 200));
    }
}

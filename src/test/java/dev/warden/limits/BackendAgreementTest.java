package dev.warden.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Redis script and the in-memory limiter are two implementations of one algorithm: fed the same seeded
 * random history (odd rates, bursts, costs, settlements and clock steps), they must answer exactly alike.
 */
class BackendAgreementTest {

    @Test
    void inMemoryAndRedisDecideAlikeOverARandomHistory() {
        try (var fixture = new RedisFixture(); var redis = fixture.limiter()) {
            var memory = new InMemoryRateLimiter(() -> UUID.randomUUID().toString());
            for (long seed = 1; seed <= 5; seed++) {
                var random = new Random(seed);
                var limits = new ArrayList<Limit>();
                for (int i = 0; i < 3; i++) {
                    long rate = 1 + random.nextInt(200);
                    var measure = i == 0 ? Measure.REQUESTS : Measure.TOKENS;
                    limits.add(new Limit("seed" + seed + ":l" + i, measure, rate,
                            Duration.ofMillis(1_000 + random.nextInt(119_000)), 1 + random.nextInt((int) rate)));
                }
                var now = RateLimiterContract.T0;
                int refusals = 0;
                int allowed = 0;
                for (int step = 0; step < 300; step++) {
                    now = now.plusNanos(random.nextInt(200_000) * 1_000L + random.nextInt(1_000));
                    var chosen = limits.subList(random.nextInt(2), 1 + random.nextInt(2) + 1);
                    long tokens = random.nextInt(60);
                    if (random.nextInt(5) == 0) {
                        long delta = random.nextInt(80) - 40;
                        memory.settle(limits.get(2), delta, now);
                        redis.settle(limits.get(2), delta, now);
                        continue;
                    }
                    var expected = memory.acquire(List.copyOf(chosen), tokens, now);
                    assertThat(redis.acquire(List.copyOf(chosen), tokens, now)).as("seed %d step %d", seed, step)
                            .isEqualTo(expected);
                    refusals += expected instanceof Decision.Refused ? 1 : 0;
                    allowed += expected instanceof Decision.Allowed ? 1 : 0;
                }
                assertThat(refusals).as("the history exercises refusals").isPositive();
                assertThat(allowed).as("the history exercises admissions").isPositive();
            }
        }
    }
}

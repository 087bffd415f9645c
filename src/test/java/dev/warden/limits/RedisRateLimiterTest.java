package dev.warden.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisRateLimiterTest extends RateLimiterContract {
    private final RedisFixture redis = new RedisFixture();
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @Override
    RateLimiter limiter() {
        var limiter = redis.limiter();
        opened.add(limiter);
        return limiter;
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(RedisRateLimiter::close);
        redis.close();
    }

    @Test
    void twoInstancesSharingRedisEnforceOneLimitExactly() throws Exception {
        var limit = rpm("key:key_123:rpm", 50, 50);
        assertThat(admitted(List.of(limiter(), limiter()), limit, 100)).isEqualTo(50);
        var other = (Decision.Refused) limiter().acquire(List.of(limit), 0, T0);
        assertThat(other.retryAfter()).isEqualTo(Duration.ofMillis(1_200));
    }

    @Test
    void slotsAreSharedBetweenInstances() {
        var one = limiter();
        var two = limiter();
        var parallel = new Concurrency("key:key_123:parallel", 1, Duration.ofMinutes(1));
        var held = (SlotDecision.Granted) one.acquireSlot(parallel, T0);
        assertThat(two.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Busy.class);
        two.release(held.lease());
        assertThat(two.acquireSlot(parallel, T0)).isInstanceOf(SlotDecision.Granted.class);
    }

    @Test
    void bucketsExpireOnceTheyWouldBeFullAgain() {
        var limit = rpm("key:ttl:rpm", 60, 60);
        limiter().acquire(List.of(limit), 0, T0);
        long ttl = redis.admin.pttl(redis.prefix + "key:ttl:rpm");
        assertThat(ttl).isBetween(1_000L, 2_000L);
        var tokens = tpm("key:ttl:tpm", 1_000);
        limiter().acquire(List.of(tokens), 500, T0);
        limiter().settle(tokens, -500, T0);
        assertThat(redis.admin.exists(redis.prefix + "key:ttl:tpm")).isFalse();
        var parallel = new Concurrency("key:ttl:parallel", 1, Duration.ofSeconds(30));
        limiter().acquireSlot(parallel, T0);
        assertThat(redis.admin.pttl(redis.prefix + "key:ttl:parallel")).isBetween(30_000L, 31_000L);
    }

    @Test
    void aLimiterConnectedByUrlSharesBucketsWithOneConnectedByHostAndPort() {
        try (var byUrl = RedisRateLimiter.connect(java.net.URI.create("redis://127.0.0.1:6379/0"), null, redis.prefix,
                Duration.ofMillis(200));
                var byHost = RedisRateLimiter.connect("127.0.0.1", 6379, redis.prefix, Duration.ofMillis(200))) {
            var limit = rpm("key:url:rpm", 60, 2);
            assertThat(byUrl.acquire(List.of(limit), 0, T0)).isInstanceOf(Decision.Allowed.class);
            assertThat(byHost.acquire(List.of(limit), 0, T0)).isInstanceOf(Decision.Allowed.class);
            assertThat(byUrl.acquire(List.of(limit), 0, T0)).isInstanceOf(Decision.Refused.class);
        }
    }

    @Test
    void aScriptRedisDoesNotKnowIsSentInFullOnceThenRunsByDigest() {
        var script = LuaScript.of("-- " + UUID.randomUUID() + "\nreturn tonumber(ARGV[1]) + 1");
        assertThat(redis.admin.scriptExists(List.of(script.sha()))).containsExactly(false);
        assertThat(script.run(redis.admin, List.of(), List.of("41"))).isEqualTo(42L);
        assertThat(redis.admin.scriptExists(List.of(script.sha()))).containsExactly(true);
        assertThat(script.run(redis.admin, List.of(), List.of("1"))).isEqualTo(2L);
    }
}

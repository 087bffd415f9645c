package dev.warden.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    RateLimiter limiter() {
        return new InMemoryRateLimiter(() -> "lease-" + ids.incrementAndGet());
    }

    @Test
    void bucketsThatAreFullAgainAreForgotten() {
        var limiter = new InMemoryRateLimiter(() -> "lease");
        for (int i = 0; i < 100; i++) {
            limiter.acquire(List.of(rpm("k:" + i, 60, 60)), 0, T0);
        }
        assertThat(limiter.buckets()).isEqualTo(100);
        var later = T0.plusSeconds(2);
        for (int i = 0; i < 5_000; i++) {
            limiter.acquire(List.of(rpm("k:busy", 6_000_000, 6_000_000)), 0, later);
        }
        assertThat(limiter.buckets()).isEqualTo(1);
    }
}

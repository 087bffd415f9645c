package dev.warden.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    private static final Limit KEY_RPM = RateLimiterContract.rpm("key:k:rpm", 60, 60);
    private static final Limit USER_RPM = RateLimiterContract.rpm("user:u:rpm", 500, 500);
    private static final Limit KEY_TPM = RateLimiterContract.tpm("key:k:tpm", 90_000);

    @Test
    void durationsAreWrittenTheWayOpenAiWritesThem() {
        assertThat(RateLimitHeaders.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(Duration.ofNanos(1))).isEqualTo("1ms");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(20))).isEqualTo("20ms");
        assertThat(RateLimitHeaders.duration(Duration.ofSeconds(1))).isEqualTo("1s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(1_200))).isEqualTo("1.2s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(8_640))).isEqualTo("8.64s");
        assertThat(RateLimitHeaders.duration(Duration.ofMinutes(6))).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(90_001))).isEqualTo("1m30.001s");
        assertThat(RateLimitHeaders.duration(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(RateLimitHeaders.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void anAllowedRequestReportsTheTightestLimitOfEachKind() {
        var decision = new Decision.Allowed(List.of(
                new Quota(KEY_RPM, 59, Duration.ofSeconds(1)),
                new Quota(USER_RPM, 12, Duration.ofMinutes(6)),
                new Quota(KEY_TPM, 89_000, Duration.ofMillis(667))));
        assertThat(RateLimitHeaders.of(decision)).containsExactly(
                Map.entry("x-ratelimit-limit-requests", "500"),
                Map.entry("x-ratelimit-remaining-requests", "12"),
                Map.entry("x-ratelimit-reset-requests", "6m0s"),
                Map.entry("x-ratelimit-limit-tokens", "90000"),
                Map.entry("x-ratelimit-remaining-tokens", "89000"),
                Map.entry("x-ratelimit-reset-tokens", "667ms"));
    }

    @Test
    void aRefusalAddsRetryAfterInWholeSecondsRoundedUp() {
        var decision = new Decision.Refused(KEY_RPM, Duration.ofMillis(1_200),
                List.of(new Quota(KEY_RPM, 0, Duration.ofSeconds(60))));
        assertThat(RateLimitHeaders.of(decision)).containsExactly(
                Map.entry("x-ratelimit-limit-requests", "60"),
                Map.entry("x-ratelimit-remaining-requests", "0"),
                Map.entry("x-ratelimit-reset-requests", "1m0s"),
                Map.entry("retry-after", "2"));
        assertThat(RateLimitHeaders.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimitHeaders.retryAfterSeconds(Duration.ofSeconds(30))).isEqualTo(30);
    }

    @Test
    void nothingIsClaimedWhenNoLimiterAnswered() {
        assertThat(RateLimitHeaders.of(new Decision.Allowed(List.of()))).isEmpty();
        assertThat(RateLimitHeaders.of(new Decision.Unavailable("down"))).isEmpty();
        assertThat(RateLimitHeaders.of(new Decision.TooLarge(KEY_TPM, 100_000))).isEmpty();
    }
}

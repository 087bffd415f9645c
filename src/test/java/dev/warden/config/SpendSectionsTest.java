package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code redis} and {@code budgets} sections. */
class SpendSectionsTest {

    @Test
    void withoutTheSectionsLimitsStayInProcessAndBudgetsUseUtcAndTheDefaultThresholds() {
        var config = load(ECHO).config();
        assertThat(config.redis()).isNull();
        assertThat(config.budgets()).isEqualTo(BudgetsConfig.DEFAULTS);
        assertThat(config.budgets().thresholds()).containsExactly(50, 80, 100);
    }

    @Test
    void aSharedRedisAndBudgetsInALocalTimeZone() {
        var config = load("""
                redis:
                  url: redis://127.0.0.1:6379/2
                  timeout: 150ms
                  on_failure: fail_closed
                budgets:
                  time_zone: America/New_York
                  reservation_ttl: 5m
                  thresholds: [100, 75, 75]
                  webhook_url: https://hooks.example.com/warden
                """ + ECHO).config();
        assertThat(config.redis()).isEqualTo(new RedisConfig(URI.create("redis://127.0.0.1:6379/2"), null,
                Duration.ofMillis(150), RedisConfig.FailurePolicy.FAIL_CLOSED));
        assertThat(config.budgets()).isEqualTo(new BudgetsConfig(ZoneId.of("America/New_York"), Duration.ofMinutes(5),
                List.of(75, 100), URI.create("https://hooks.example.com/warden")));
    }

    @Test
    void everyMistakeIsReportedWithItsPathAndLine() {
        var error = failure("""
                redis:
                  url: http://127.0.0.1:6379
                  on_failure: fail-open
                budgets:
                  time_zone: Mars/Olympus
                  thresholds: [50, 0, lots]
                  webhook_url: ftp://example.com
                """ + ECHO);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("redis.url", 2),
                org.assertj.core.groups.Tuple.tuple("redis.on_failure", 3),
                org.assertj.core.groups.Tuple.tuple("budgets.time_zone", 5),
                org.assertj.core.groups.Tuple.tuple("budgets.thresholds[1]", 6),
                org.assertj.core.groups.Tuple.tuple("budgets.thresholds[2]", 6),
                org.assertj.core.groups.Tuple.tuple("budgets.webhook_url", 7));
        assertThat(error.getMessage()).contains("did you mean 'fail_open'");
    }
}

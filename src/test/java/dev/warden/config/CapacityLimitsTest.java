package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** {@code models[].limits} and {@code limits.global}: capacity limits for every caller. */
class CapacityLimitsTest {

    @Test
    void withoutThemNothingIsLimited() {
        var config = load(ECHO + "models:\n  - name: echo\n    deployment: echo\n").config();
        assertThat(config.globalLimits()).isEqualTo(RateLimitConfig.NONE);
        assertThat(config.model("echo").orElseThrow().limits()).isEqualTo(RateLimitConfig.NONE);
    }

    @Test
    void aModelsAndTheGatewaysLimitsAreRead() {
        var config = load("""
                limits:
                  global: {rpm: 6000, tpm: 2000000, max_parallel: 256}
                """ + ECHO + """
                models:
                  - name: echo
                    deployment: echo
                    limits:
                      rpm: 60
                      max_parallel: 0
                """).config();
        assertThat(config.globalLimits()).isEqualTo(new RateLimitConfig(6000L, 2_000_000L, 256));
        assertThat(config.model("echo").orElseThrow().limits()).isEqualTo(new RateLimitConfig(60L, null, 0));
    }

    @Test
    void mistakesNameTheirPathAndLine() {
        var error = failure("""
                limits:
                  global: {rpm: -1, burst: 5}
                  per_user: {rpm: 1}
                """ + ECHO + """
                models:
                  - name: echo
                    deployment: echo
                    limits: {tpm: lots}
                """);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line).containsExactly(
                Tuple.tuple("limits.global.burst", 2),
                Tuple.tuple("limits.global.rpm", 2),
                Tuple.tuple("limits.per_user", 3),
                Tuple.tuple("models[0].limits.tpm", 10));
    }
}

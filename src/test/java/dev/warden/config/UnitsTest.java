package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"500ms,500", "30s,30000", "5m,300000", "1h,3600000", "2d,172800000", "1m30s,90000", "0s,0",
            " 10s ,10000"})
    void durations(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "30", "1.5s", "-5s", "5 s", "s", "10sec", "99999999999999999999h"})
    void notDurations(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1048576,1048576", "512KB,524288", "10MB,10485760", "10MiB,10485760", "1GiB,1073741824",
            "1g,1073741824", "64 kb,65536", "100B,100", "2K,2048"})
    void sizes(String text, long bytes) {
        assertThat(ByteSizes.parse(text)).hasValue(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MB", "1.5MB", "-1", "10XB", "ten", "99999999999TB"})
    void notSizes(String text) {
        assertThat(ByteSizes.parse(text)).isEmpty();
    }

    @Test
    void serverValuesAreConverted() {
        var server = load("""
                server:
                  port: 0
                  max_body_size: 512KB
                  shutdown_grace: 0s
                """ + ECHO).config().server();
        assertThat(server.port()).isZero();
        assertThat(server.maxBodyBytes()).isEqualTo(512 * 1024);
        assertThat(server.shutdownGrace()).isZero();
    }

    @Test
    void badDurationNamesPathLineAndValue() {
        var error = failure("""
                deployments:
                  - name: echo
                    provider: echo
                  - name: local
                    provider: openai-compatible
                    base_url: http://127.0.0.1:8000/v1
                    timeouts:
                      connect: 5s
                      first_byte: abc
                      stream_idle: 0s
                """);
        assertThat(error.getMessage()).isEqualTo("""
                test.yaml:9: deployments[1].timeouts.first_byte: expected a duration like 30s, 500ms or 2m, \
                got "abc"
                test.yaml:10: deployments[1].timeouts.stream_idle: must be longer than zero, got "0s\"""");
    }

    @Test
    void badSizeAndPortAreReported() {
        var error = failure("""
                server:
                  port: 70000
                  max_body_size: lots
                access_log:
                  queue_capacity: 0
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("server.port", 2, "must be between 0 and 65535, got 70000"),
                new ConfigProblem("server.max_body_size", 3,
                        "expected a size like 10MB, 512KB or 1048576, got \"lots\""),
                new ConfigProblem("access_log.queue_capacity", 5, "must be a positive integer, got 0"));
    }
}

package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.PrivateRedis;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Redis killed in the middle of a run, under each failure policy: requests in flight and after it finish promptly
 * with the policy's answer (never a hang), callers without limits are not affected at all, and the shared limits
 * come back when Redis does. Each test has a Redis of its own (with a password, as production ones have), so
 * killing it touches no other test.
 */
class RedisOutageEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above the 200 ms Redis timeout: an answer slower than this would be a hang. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private static RunningGateway gateway(PrivateRedis redis, String policy) {
        return RunningGateway.start("""
                redis:
                  url: %s
                  timeout: 200ms
                  on_failure: %s
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                """.formatted(redis.url(), policy), Map.of());
    }

    private static String key(RunningGateway gateway, String limits) throws Exception {
        var created = gateway.postJson("/admin/v1/keys", "{\"limits\": " + limits + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asText();
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions")).timeout(PATIENCE)
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"echo\", \"messages\": [{\"role\": \"user\","
                        + " \"content\": \"hello\"}]}"))
                .build());
    }

    @Test
    void failClosedAnswers503DuringTheOutageAndServesAgainWhenRedisIsBack() throws Exception {
        try (var redis = PrivateRedis.start("outage-test-password");
                var gateway = gateway(redis, "fail_closed")) {
            var key = key(gateway, "{\"rpm\": 100000, \"budget_usd\": 100}");
            var budgetOnly = key(gateway, "{\"budget_usd\": 100}");
            assertThat(chat(gateway, key).statusCode()).as("limits and budgets reach the password-protected Redis")
                    .isEqualTo(200);

            // Load from four clients while Redis dies under it.
            var statuses = new ConcurrentLinkedQueue<Integer>();
            var failures = new ConcurrentLinkedQueue<Throwable>();
            var running = new AtomicBoolean(true);
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 4; i++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            try {
                                statuses.add(chat(gateway, key).statusCode());
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    });
                }
                Thread.sleep(300);
                redis.kill();
                Thread.sleep(1500);
                running.set(false);
            }
            assertThat(failures).as("no request hung or broke").isEmpty();
            assertThat(statuses).contains(200, 503).allMatch(status -> status == 200 || status == 503);

            var refused = chat(gateway, key);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(refused.body()).at("/error/message").asText())
                    .isEqualTo("Rate limits cannot be checked right now.");
            var unbudgeted = chat(gateway, budgetOnly);
            assertThat(unbudgeted.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(unbudgeted.body()).at("/error/message").asText())
                    .startsWith("Budgets cannot be checked right now");
            assertThat(chat(gateway, RunningGateway.MASTER_KEY).statusCode())
                    .as("a caller with no limits needs no Redis").isEqualTo(200);
            var health = JSON.readTree(gateway.get("/health/ready").body());
            assertThat(health.get("status").asText()).isEqualTo("ready");
            assertThat(health.at("/limits/backend").asText()).isEqualTo("redis");
            assertThat(health.at("/limits/on_failure").asText()).isEqualTo("fail_closed");
            assertThat(health.at("/limits/redis_errors").asLong()).isPositive();
            assertThat(health.at("/limits/fallbacks").asLong()).isPositive();
            assertThat(health.at("/budgets/fallbacks").asLong()).as("the budget-only key was refused by policy")
                    .isPositive();

            redis.startAgain();
            assertThat(awaitStatus(gateway, key, 200)).as("served again once Redis is back").isEqualTo(200);
        }
    }

    @Test
    void localPolicyKeepsEnforcingTheLimitOnThisInstanceWhileRedisIsDown() throws Exception {
        try (var redis = PrivateRedis.start("outage-test-password"); var gateway = gateway(redis, "local")) {
            var key = key(gateway, "{\"rpm\": 3, \"budget_usd\": 100}");
            assertThat(chat(gateway, key).statusCode()).isEqualTo(200);
            redis.kill();
            // The local limiter starts empty: three more, then the limit holds.
            var statuses = List.of(chat(gateway, key), chat(gateway, key), chat(gateway, key), chat(gateway, key));
            assertThat(statuses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 429);
            assertThat(statuses.getLast().headers().firstValue("retry-after")).isPresent();
        }
    }

    @Test
    void failOpenAdmitsEveryCallWhileRedisIsDown() throws Exception {
        try (var redis = PrivateRedis.start("outage-test-password"); var gateway = gateway(redis, "fail_open")) {
            var key = key(gateway, "{\"rpm\": 1, \"budget_usd\": 100}");
            assertThat(chat(gateway, key).statusCode()).isEqualTo(200);
            assertThat(chat(gateway, key).statusCode()).as("the shared limit holds while Redis is up")
                    .isEqualTo(429);
            redis.kill();
            for (int i = 0; i < 5; i++) {
                assertThat(chat(gateway, key).statusCode()).isEqualTo(200);
            }
            redis.startAgain();
            assertThat(awaitStatus(gateway, key, 429)).as("the shared limit is back with Redis").isEqualTo(429);
        }
    }

    /** Calls until the status is {@code wanted} or 10 s pass; the last status. */
    private static int awaitStatus(RunningGateway gateway, String key, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = chat(gateway, key).statusCode();
            if (status != wanted) {
                Thread.sleep(100);
            }
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }
}

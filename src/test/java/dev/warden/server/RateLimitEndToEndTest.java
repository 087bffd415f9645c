package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A key's requests-per-minute limit through the running server: OpenAI-style rate-limit headers on every answer, a
 * 429 with Retry-After in the caller's dialect once the limit is used up, and, with Redis configured, one limit
 * shared exactly by two instances.
 */
class RateLimitEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String config(TestDatabase db, String redis) {
        return db.yaml() + redis + """
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                """;
    }

    private static String key(RunningGateway gateway, int rpm) throws Exception {
        var created = gateway.post("/admin/v1/keys", "{\"limits\": {\"rpm\": " + rpm + "}}",
                "Authorization", "Bearer " + RunningGateway.MASTER_KEY, "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asText();
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"echo\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"hello\"}]}", "Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    @Test
    void aKeysRequestLimitAnswers429WithRetryAfterAndRateLimitHeaders() throws Exception {
        try (var db = TestDatabase.sqlite(); var gateway = RunningGateway.start(config(db, ""), Map.of())) {
            var key = key(gateway, 2);
            var first = chat(gateway, key);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("x-ratelimit-limit-requests")).hasValue("2");
            assertThat(first.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("1");
            assertThat(first.headers().firstValue("x-warden-cost-usd")).hasValue("0.0000000000");
            assertThat(chat(gateway, key).statusCode()).isEqualTo(200);
            var refused = chat(gateway, key);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            assertThat(JSON.readTree(refused.body()).at("/error/type").asText()).isEqualTo("rate_limit_error");
            var anthropic = gateway.post("/v1/messages", "{\"model\": \"echo\", \"max_tokens\": 8, \"messages\":"
                    + " [{\"role\": \"user\", \"content\": \"hi\"}]}", "x-api-key", key,
                    "anthropic-version", "2023-06-01", "Content-Type", "application/json");
            assertThat(anthropic.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(anthropic.body()).at("/error/type").asText()).isEqualTo("rate_limit_error");
            assertThat(chat(gateway, RunningGateway.MASTER_KEY).statusCode()).as("the master key is not limited")
                    .isEqualTo(200);
        }
    }

    @Test
    void twoInstancesSharingRedisEnforceOneLimitExactly() throws Exception {
        var redis = "redis:\n  url: redis://127.0.0.1:6379/0\n";
        try (var db = TestDatabase.postgres();
                var a = RunningGateway.start(config(db, redis), Map.of());
                var b = RunningGateway.start(config(db, redis), Map.of())) {
            // A key unique to this run, so counters left by other runs cannot interfere.
            var key = key(a, 5 + ThreadLocalRandom.current().nextInt(1));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (chat(b, key).statusCode() == 401 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // The loop above made one accepted call on b.
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < 6; i++) {
                statuses.add(chat(i % 2 == 0 ? a : b, key).statusCode());
            }
            assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(4);
            assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(2);
        }
    }

    @Test
    void aModelsAndTheGatewaysLimitsHoldForEveryCallerAndNamingTheDeploymentDoesNotGetRoundThem()
            throws Exception {
        try (var db = TestDatabase.sqlite(); var gateway = RunningGateway.start(db.yaml() + """
                limits:
                  global: {rpm: 5}
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: small
                    deployment: echo
                    model: echo-small
                    limits: {rpm: 2}
                  - name: other
                    deployment: echo
                    model: echo-other
                """, Map.of())) {
            var master = RunningGateway.MASTER_KEY;
            assertThat(chat(gateway, master, "small").statusCode()).isEqualTo(200);
            assertThat(chat(gateway, master, "echo/echo-small").statusCode()).as("the alias's target, named directly")
                    .isEqualTo(200);
            var refused = chat(gateway, master, "small");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(refused.body()).at("/error/message").asText())
                    .startsWith("Rate limit reached for model:small: 2 requests per minute");
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            // The gateway allows 5 in all: 2 went to small, 3 more to other, then none.
            for (int i = 0; i < 3; i++) {
                assertThat(chat(gateway, master, "other").statusCode()).isEqualTo(200);
            }
            var global = chat(gateway, master, "other");
            assertThat(global.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(global.body()).at("/error/message").asText())
                    .startsWith("Rate limit reached for global: 5 requests per minute");
        }
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key, String model) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"" + model + "\", \"messages\": [{\"role\":"
                + " \"user\", \"content\": \"hello\"}]}", "Authorization", "Bearer " + key,
                "Content-Type", "application/json");
    }
}

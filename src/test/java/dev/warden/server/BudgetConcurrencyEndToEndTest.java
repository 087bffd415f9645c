package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The exactness case through running gateways: 200 concurrent requests against a budget that fits exactly
 * 50 are answered with exactly 50 successes, on one instance and on two instances sharing Redis and PostgreSQL.
 *
 * <p>Each call reserves and costs exactly $2: output is priced at $1 per token, input is free, and the fake
 * upstream answers "Echo: hello" (2 tokens) to a request whose {@code max_tokens} is 2. The reservation equals the
 * actual cost, so a settled call frees nothing and the 51st can never fit, whatever the interleaving.
 */
class BudgetConcurrencyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 200;

    private static String config(TestDatabase db, FakeOpenAiUpstream upstream, String redis) {
        return db.yaml() + redis + """
                deployments:
                  - name: priced
                    provider: openai-compatible
                    base_url: %s
                    api_key: %s
                    pricing: {input: 0, output: 1000000}
                models:
                  - name: gpt
                    deployment: priced
                    model: gpt-4o-mini
                """.formatted(upstream.baseUrl(), upstream.apiKey());
    }

    private static String budgetKey(RunningGateway gateway) throws Exception {
        var created = gateway.postJson("/admin/v1/keys", "{\"limits\": {\"budget_usd\": 100, \"budget_window\":"
                + " \"daily\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asText();
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"gpt\", \"max_tokens\": 2, \"messages\":"
                        + " [{\"role\": \"user\", \"content\": \"hello\"}]}"))
                .build());
    }

    /** Fires all requests at once (released together by a latch), alternating between the gateways. */
    private static List<HttpResponse<String>> storm(String key, RunningGateway... gateways) throws Exception {
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < REQUESTS; i++) {
            var gateway = gateways[i % gateways.length];
            calls.add(() -> {
                start.await();
                return chat(gateway, key);
            });
        }
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = calls.stream().map(clients::submit).toList();
            start.countDown();
            var answers = new ArrayList<HttpResponse<String>>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private static void assertExactlyFifty(List<HttpResponse<String>> answers) {
        var served = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        var refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(served).hasSize(50);
        assertThat(refused).hasSize(REQUESTS - 50);
        var spent = served.stream()
                .map(answer -> new BigDecimal(answer.headers().firstValue("x-warden-cost-usd").orElseThrow()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(spent).isEqualByComparingTo("100");
        assertThat(refused.getFirst().body()).contains("Budget exceeded for key:");
    }

    @Test
    void oneInstanceServesExactlyTheFiftyCallsTheBudgetFits() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(config(db, upstream, ""), Map.of())) {
            assertExactlyFifty(storm(budgetKey(gateway), gateway));
        }
    }

    @Test
    void twoInstancesSharingRedisAndPostgresServeExactlyFiftyBetweenThem() throws Exception {
        var redis = "redis:\n  url: redis://127.0.0.1:6379/0\n  timeout: 2s\n  on_failure: fail_closed\n";
        try (var db = TestDatabase.postgres(); var upstream = FakeOpenAiUpstream.start();
                var a = RunningGateway.start(config(db, upstream, redis), Map.of());
                var b = RunningGateway.start(config(db, upstream, redis), Map.of())) {
            var key = budgetKey(a);
            // Wait until b knows the key, with a call that costs nothing.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (b.get("/v1/models", "Authorization", "Bearer " + key).statusCode() == 401
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Alone, each instance would serve 50 of its 100: exactly 50 in all means one shared budget. (Which
            // instance wins the race for it is up to the scheduler.)
            assertExactlyFifty(storm(key, a, b));
        }
    }
}

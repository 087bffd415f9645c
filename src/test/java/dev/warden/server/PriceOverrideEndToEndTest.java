package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.pricing.CostCalculator;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Price overrides through the running gateway: a budgeted key is refused a model nobody priced, an admin prices
 * it, and the same call is served and charged the override's rates; removing the override fails closed again.
 * Two instances on one PostgreSQL database: an override set on one changes what the other charges within the
 * refresh interval.
 */
class PriceOverrideEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The refresh interval is 200 ms; allow scheduling noise on a loaded 2-core machine, not a different design. */
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(3);

    private static String config(TestDatabase db, FakeOpenAiUpstream upstream) {
        return db.yaml() + """
                deployments:
                  - name: local
                    provider: openai-compatible
                    base_url: %1$s
                    api_key: %2$s
                models:
                  - name: local-gpt
                    deployment: local
                    model: gpt-4o-mini
                """.formatted(upstream.baseUrl(), upstream.apiKey());
    }

    @Test
    void aBudgetedKeyRefusedAnUnpricedModelIsServedOnceAnAdminPricesIt() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(config(db, upstream), Map.of())) {
            var created = admin(gateway, "POST", "/admin/v1/keys", "{\"limits\": {\"budget_usd\": 100,"
                    + " \"budget_window\": \"daily\"}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var key = JSON.readTree(created.body()).get("key").asText();

            var refused = chat(gateway, key);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).at("/error/message").asText()).contains("has no known price");
            var before = effective(gateway);
            assertThat(before.get("source").asText()).isEqualTo("none");
            assertThat(before.get("unpriced").asText()).isEqualTo("refuse");

            var set = admin(gateway, "POST", "/admin/v1/prices", """
                    {"model": "gpt-4o-mini", "deployment": "local", "input": "1000", "output": 2000,
                     "cost_tier": "standard", "note": "internal GPU rate"}""");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
            var override = JSON.readTree(set.body());
            assertThat(override.get("id").asText()).startsWith("pr_");
            assertThat(override.get("updated_by").asText()).isEqualTo("master");

            var served = chat(gateway, key);
            assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
            assertThat(served.headers().firstValue("x-warden-cost-usd")).contains(cost(served, "1000", "2000"));
            var now = effective(gateway);
            assertThat(now.get("source").asText()).isEqualTo("override");
            assertThat(now.get("override_id").asText()).isEqualTo(override.get("id").asText());
            assertThat(now.at("/price/input").decimalValue()).isEqualByComparingTo("1000");

            var id = override.get("id").asText();
            var changed = admin(gateway, "PATCH", "/admin/v1/prices/" + id, "{\"output\": 500}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            var cheaper = chat(gateway, key);
            assertThat(cheaper.headers().firstValue("x-warden-cost-usd")).contains(cost(cheaper, "1000", "500"));

            assertThat(admin(gateway, "DELETE", "/admin/v1/prices/" + id, "").statusCode()).isEqualTo(200);
            assertThat(chat(gateway, key).statusCode()).as("without the override it fails closed again")
                    .isEqualTo(403);
        }
    }

    @Test
    void anOverrideSetOnOneInstanceChangesWhatTheOtherChargesWithinTheRefreshInterval() throws Exception {
        try (var db = TestDatabase.postgres(); var upstream = FakeOpenAiUpstream.start();
                var a = RunningGateway.start(config(db, upstream), Map.of());
                var b = RunningGateway.start(config(db, upstream), Map.of())) {
            var before = chat(b, RunningGateway.MASTER_KEY);
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.headers().firstValue("x-warden-cost-usd")).as("unpriced: no cost").isEmpty();

            var set = admin(a, "POST", "/admin/v1/prices", "{\"model\": \"gpt-4o-mini\", \"input\": 3,"
                    + " \"output\": 7}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
            var seen = waitFor(() -> chat(b, RunningGateway.MASTER_KEY).headers().firstValue("x-warden-cost-usd")
                    .isPresent());
            assertThat(seen).as("the override reaches the other instance").isLessThan(PROPAGATION_BOUND);
            var after = chat(b, RunningGateway.MASTER_KEY);
            assertThat(after.headers().firstValue("x-warden-cost-usd")).contains(cost(after, "3", "7"));

            var id = JSON.readTree(set.body()).get("id").asText();
            assertThat(admin(a, "DELETE", "/admin/v1/prices/" + id, "").statusCode()).isEqualTo(200);
            var gone = waitFor(() -> chat(b, RunningGateway.MASTER_KEY).headers().firstValue("x-warden-cost-usd")
                    .isEmpty());
            assertThat(gone).as("its removal reaches the other instance").isLessThan(PROPAGATION_BOUND);
        }
    }

    /** The cost of an answer at these rates, from the usage it reports, rendered as the header renders it. */
    private static String cost(HttpResponse<String> answer, String input, String output) throws Exception {
        var usage = JSON.readTree(answer.body()).get("usage");
        var usd = new BigDecimal(input).multiply(BigDecimal.valueOf(usage.get("prompt_tokens").asLong()))
                .add(new BigDecimal(output).multiply(BigDecimal.valueOf(usage.get("completion_tokens").asLong())))
                .movePointLeft(6);
        assertThat(usd.signum()).as("the fake upstream reports tokens").isPositive();
        return CostCalculator.render(usd);
    }

    private static JsonNode effective(RunningGateway gateway) throws Exception {
        var answer = admin(gateway, "GET", "/admin/v1/prices/effective?deployment=local&model=gpt-4o-mini", "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private interface Probe {
        boolean done() throws Exception;
    }

    /** How long until the probe holds; fails the test after 10 s. */
    private static Duration waitFor(Probe probe) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (probe.done()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the other instance did not catch up within 10 s");
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"local-gpt\", \"max_tokens\": 20, \"messages\":"
                + " [{\"role\": \"user\", \"content\": \"hello there\"}]}", "Authorization", "Bearer " + key,
                "Content-Type", "application/json");
    }

    private static HttpResponse<String> admin(RunningGateway gateway, String method, String path, String body) {
        var request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + RunningGateway.MASTER_KEY)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return gateway.send(request.build());
    }
}

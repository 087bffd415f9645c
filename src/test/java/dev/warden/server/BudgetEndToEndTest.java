package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Budgets through the running server: every answer is priced, a key's budget refuses the call that would not fit
 * (and spend never passes the cap), and a budgeted key may not use a model without a price.
 */
class BudgetEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String config(TestDatabase db, FakeOpenAiUpstream upstream) {
        return db.yaml() + """
                deployments:
                  - name: priced
                    provider: openai-compatible
                    base_url: %1$s
                    api_key: %2$s
                    pricing: {input: 1000, output: 2000}
                  - name: unpriced
                    provider: openai-compatible
                    base_url: %1$s
                    api_key: %2$s
                models:
                  - name: priced-gpt
                    deployment: priced
                    model: gpt-4o-mini
                  - name: unpriced-gpt
                    deployment: unpriced
                    model: gpt-4o-mini
                """.formatted(upstream.baseUrl(), upstream.apiKey());
    }

    static HttpResponse<String> chat(RunningGateway gateway, String key, String model) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"" + model + "\", \"max_tokens\": 20, \"messages\":"
                + " [{\"role\": \"user\", \"content\": \"hello\"}]}", "Authorization", "Bearer " + key,
                "Content-Type", "application/json");
    }

    @Test
    void aKeysBudgetRefusesTheCallThatWouldNotFitAndSpendStaysUnderTheCap() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(config(db, upstream), Map.of())) {
            var cap = new BigDecimal("0.50");
            var created = gateway.post("/admin/v1/keys", "{\"limits\": {\"budget_usd\": 0.50, \"budget_window\":"
                    + " \"daily\"}}", "Authorization", "Bearer " + RunningGateway.MASTER_KEY,
                    "Content-Type", "application/json");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var key = JSON.readTree(created.body()).get("key").asText();

            var spent = BigDecimal.ZERO;
            HttpResponse<String> last = null;
            int served = 0;
            for (int i = 0; i < 100; i++) {
                last = chat(gateway, key, "priced-gpt");
                if (last.statusCode() != 200) {
                    break;
                }
                served++;
                spent = spent.add(new BigDecimal(last.headers().firstValue("x-warden-cost-usd").orElseThrow()));
            }
            assertThat(served).isGreaterThan(0);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("retry-after")).isPresent();
            var error = JSON.readTree(last.body()).get("error");
            assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
            assertThat(error.get("message").asText()).startsWith("Budget exceeded for key:");
            assertThat(spent).isLessThanOrEqualTo(cap);

            var unpriced = chat(gateway, key, "unpriced-gpt");
            assertThat(unpriced.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(unpriced.body()).at("/error/message").asText())
                    .contains("has no known price");
            var master = chat(gateway, RunningGateway.MASTER_KEY, "unpriced-gpt");
            assertThat(master.statusCode()).as("no budget, so an unpriced model is served").isEqualTo(200);
            assertThat(master.headers().firstValue("x-warden-cost-usd")).isEmpty();
            var line = gateway.awaitLogLine(master.headers().firstValue("x-request-id").orElseThrow());
            assertThat(line).contains("\"unpriced\":true");
            var health = JSON.readTree(gateway.get("/health/ready").body());
            assertThat(health.get("unpriced_calls").asLong()).as("counted for operators").isEqualTo(1);
            assertThat(health.at("/limits/backend").asText()).isEqualTo("memory");
            assertThat(health.at("/budgets/backend").asText()).isEqualTo("memory");
        }
    }
}

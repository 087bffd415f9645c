package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code warden spend} and {@code warden budgets} against a running Warden that has served priced calls. */
class SpendCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOperatorReadsSpendAndBudgetsAndResetsABudget() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(db.yaml() + """
                        deployments:
                          - name: metered
                            provider: openai-compatible
                            base_url: %s
                            api_key: %s
                            pricing: {input: 1000, output: 2000}
                        models:
                          - name: metered-gpt
                            deployment: metered
                            model: gpt-4o-mini
                        """.formatted(upstream.baseUrl(), upstream.apiKey()), Map.of())) {
            var env = Map.of("WARDEN_URL", "http://127.0.0.1:" + gateway.port(), "WARDEN_MASTER_KEY",
                    RunningGateway.MASTER_KEY);
            var created = JSON.readTree(gateway.postJson("/admin/v1/keys", "{\"alias\": \"cli-key\", \"limits\":"
                    + " {\"budget_usd\": 5, \"budget_window\": \"daily\"}}").body());
            var keyId = created.get("id").asText();
            var call = gateway.post("/v1/chat/completions", "{\"model\": \"metered-gpt\", \"max_tokens\": 20,"
                    + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "Authorization", "Bearer "
                    + created.get("key").asText(), "Content-Type", "application/json");
            assertThat(call.statusCode()).isEqualTo(200);
            var cost = call.headers().firstValue("x-warden-cost-usd").orElseThrow();

            var deadline = Instant.now().plus(Duration.ofSeconds(30));
            var table = CliRun.of(env, "spend", "--by", "key");
            while (!table.out().contains(keyId) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                table = CliRun.of(env, "spend", "--by", "key");
            }
            assertThat(table.exit()).as(table.err()).isZero();
            var lines = table.out().lines().toList();
            assertThat(lines.get(1)).startsWith("group").contains("name").contains("cost_usd");
            assertThat(lines.get(2)).startsWith(keyId).contains("cli-key");
            assertThat(lines.get(3)).startsWith("total");

            var csv = CliRun.of(env, "spend", "--by", "key", "--key-id", keyId, "--csv");
            assertThat(csv.out()).startsWith("group,name,cost_usd,prompt_tokens,completion_tokens,requests\r\n"
                    + keyId + ",cli-key,").contains(",1\r\n");
            var micros = new java.math.BigDecimal(cost).setScale(6, java.math.RoundingMode.CEILING).toPlainString();
            assertThat(csv.out()).contains("," + micros + ",");

            var show = CliRun.of(env, "budgets", "show", "key:" + keyId);
            assertThat(show.exit()).as(show.err()).isZero();
            assertThat(show.out().lines().toList().get(1)).startsWith("key:" + keyId).contains(micros)
                    .contains("5.000000");
            var reset = CliRun.of(env, "budgets", "reset", "key:" + keyId);
            assertThat(reset.out()).contains("Reset the budget of key:" + keyId).contains(micros + " USD spent before");
            assertThat(reset.out().lines().toList().get(2)).contains("0.000000");

            var badScope = CliRun.of(env, "budgets", "show", "group:x");
            assertThat(badScope.exit()).isEqualTo(1);
            assertThat(badScope.err()).contains("SCOPE must be key:<id>, user:<id>, team:<id> or org:<id>");
            var badDate = CliRun.of(env, "spend", "--from", "yesterday");
            assertThat(badDate.err()).contains("YYYY-MM-DD").contains("(field: from)").contains("[HTTP 400]");
        }
    }
}

package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spend and budgets through the running server: priced calls with a budgeted key until its budget refuses one, the
 * spend report (JSON and CSV) and the budget status agreeing with the {@code x-warden-cost-usd} of the calls, and
 * a reset after which the refused call is served.
 */
class SpendEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MASTER = {"Authorization", "Bearer " + RunningGateway.MASTER_KEY};

    static JsonNode admin(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    /** Spend reaches the report when the recorder writes its batch (every 5 s): wait for all of it. */
    static JsonNode awaitReport(RunningGateway gateway, String query, long requests) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var report = admin(gateway.get("/admin/v1/spend?" + query, MASTER));
            if (report.at("/total/requests").asLong() >= requests || Instant.now().isAfter(deadline)) {
                return report;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void reportsAndBudgetStatusMatchTheCostsOfTheCallsAndAResetServesTheRefusedCall() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(BudgetEndToEndTest.config(db, upstream), Map.of())) {
            var org = admin(gateway.postJson("/admin/v1/orgs", "{\"name\": \"acme\"}")).get("id").asText();
            var team = admin(gateway.postJson("/admin/v1/teams", "{\"org_id\": \"" + org + "\", \"name\": \"ml\","
                    + " \"limits\": {\"budget_usd\": 100}}")).get("id").asText();
            var created = admin(gateway.postJson("/admin/v1/keys", "{\"alias\": \"nb, \\\"one\\\"\", \"team_id\": \""
                    + team + "\", \"limits\": {\"budget_usd\": 0.50, \"budget_window\": \"daily\"}}"));
            var keyId = created.get("id").asText();
            var key = created.get("key").asText();

            var spent = BigDecimal.ZERO;
            int served = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                var answer = BudgetEndToEndTest.chat(gateway, key, "priced-gpt");
                if (answer.statusCode() == 200) {
                    served++;
                    // The ledgers keep micro-dollars, rounded up per call.
                    spent = spent.add(new BigDecimal(answer.headers().firstValue("x-warden-cost-usd").orElseThrow())
                            .setScale(6, RoundingMode.CEILING));
                } else {
                    refused = answer;
                }
            }
            assertThat(served).as(refused == null ? "" : refused.body()).isGreaterThan(1);
            assertThat(refused.statusCode()).isEqualTo(429);
            var expected = spent.toPlainString();

            var byKey = awaitReport(gateway, "by=key", served);
            assertThat(byKey.get("data")).hasSize(1);
            assertThat(byKey.at("/data/0/group").asText()).isEqualTo(keyId);
            assertThat(byKey.at("/data/0/name").asText()).isEqualTo("nb, \"one\"");
            assertThat(byKey.at("/data/0/cost_usd").asText()).isEqualTo(expected);
            assertThat(byKey.at("/data/0/requests").asLong()).isEqualTo(served);
            assertThat(byKey.at("/data/0/prompt_tokens").asLong()).isPositive();
            assertThat(byKey.at("/total/cost_usd").asText()).isEqualTo(expected);
            var byTeam = admin(gateway.get("/admin/v1/spend?by=team&team_id=" + team, MASTER));
            assertThat(byTeam.at("/data/0/name").asText()).isEqualTo("ml");
            var byDay = admin(gateway.get("/admin/v1/spend", MASTER));
            assertThat(byDay.at("/data/0/group").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

            var csv = gateway.get("/admin/v1/spend?by=key", "Authorization", "Bearer " + RunningGateway.MASTER_KEY,
                    "Accept", "text/csv");
            assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.body()).isEqualTo("group,name,cost_usd,prompt_tokens,completion_tokens,requests\r\n"
                    + keyId + ",\"nb, \"\"one\"\"\"," + expected + "," + byKey.at("/data/0/prompt_tokens").asLong()
                    + "," + byKey.at("/data/0/completion_tokens").asLong() + "," + served + "\r\n");

            var status = admin(gateway.get("/admin/v1/keys/" + keyId + "/budget", MASTER));
            assertThat(status.at("/data/0/scope").asText()).isEqualTo("key:" + keyId);
            assertThat(status.at("/data/0/spent_usd").asText()).isEqualTo(expected);
            assertThat(status.at("/data/0/reserved_usd").asText()).isEqualTo("0.000000");
            assertThat(status.at("/data/0/binding").asBoolean()).isTrue();
            assertThat(status.at("/data/1/scope").asText()).isEqualTo("team:" + team);
            assertThat(status.at("/data/1/spent_usd").asText()).isEqualTo(expected);

            var reset = admin(gateway.post("/admin/v1/keys/" + keyId + "/budget/reset", "", MASTER));
            assertThat(reset.at("/reset/spent_before_usd").asText()).isEqualTo(expected);
            assertThat(reset.at("/data/0/spent_usd").asText()).isEqualTo("0.000000");
            assertThat(reset.at("/data/1/spent_usd").asText()).as("the team's budget is not reset").isEqualTo(expected);
            var again = BudgetEndToEndTest.chat(gateway, key, "priced-gpt");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        }
    }
}

package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.budget.BudgetLine;
import dev.warden.budget.Hold;
import dev.warden.budget.ReserveResult;
import dev.warden.identity.LimitLine;
import dev.warden.identity.Limits;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Budget status and reset through the admin API, against the live ledger the gateway would spend on. */
class BudgetsApiTest {

    private static BudgetLine line(AdminFixture admin, String scope, String usd, String window) {
        var limits = new Limits(null, null, null, new BigDecimal(usd), window);
        return admin.budgets().lines(List.of(new LimitLine(scope, limits)), admin.now.get()).getFirst();
    }

    private static List<String> field(JsonNode status, String name) {
        var values = new ArrayList<String>();
        status.get("data").forEach(line -> values.add(line.get(name).asText()));
        return values;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeysStatusShowsItsWholeChainAndAResetZeroesOnlyTheNamedBudgetKeepingHolds(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var org = admin.ok("POST", "/orgs", "{\"name\": \"x\", \"limits\": {\"budget_usd\": 10}}").get("id")
                    .asText();
            var team = admin.ok("POST", "/teams", "{\"org_id\": \"" + org + "\", \"name\": \"t\", \"limits\":"
                    + " {\"budget_usd\": 5, \"budget_window\": \"daily\"}}").get("id").asText();
            var user = admin.ok("POST", "/users", "{\"email\": \"ada@example.com\", \"org_id\": \"" + org
                    + "\", \"team_ids\": [\"" + team + "\"]}").get("id").asText();
            var tier = admin.ok("POST", "/tiers", "{\"name\": \"small\", \"limits\": {\"budget_usd\": 1,"
                    + " \"budget_window\": \"daily\"}}").get("id").asText();
            var key = admin.ok("POST", "/keys", "{\"user_id\": \"" + user + "\", \"team_id\": \"" + team
                    + "\", \"tier_id\": \"" + tier + "\"}").get("id").asText();

            var now = admin.now.get();
            var keyLine = line(admin, "key:" + key, "1", "daily");
            var teamLine = line(admin, "team:" + team, "5", "daily");
            var orgLine = line(admin, "org:" + org, "10", null);
            var spent = admin.ledger.reserve(List.of(keyLine, teamLine, orgLine), 300_000, now, Duration.ofMinutes(1));
            admin.ledger.settle(((ReserveResult.Granted) spent).reservation(), 250_000, now);
            admin.ledger.reserve(List.of(teamLine), 100_000, now, Duration.ofMinutes(1));

            var status = admin.ok("GET", "/keys/" + key + "/budget", "");
            assertThat(status.get("object").asText()).isEqualTo("budget_status");
            assertThat(status.get("scope").asText()).isEqualTo("key:" + key);
            // The user has no budget of its own; the key's comes from its tier.
            assertThat(field(status, "scope")).containsExactly("key:" + key, "team:" + team, "org:" + org);
            assertThat(field(status, "own")).containsExactly("true", "false", "false");
            assertThat(field(status, "binding")).containsExactly("true", "false", "false");
            assertThat(field(status, "cap_usd")).containsExactly("1.000000", "5.000000", "10.000000");
            assertThat(field(status, "window")).containsExactly("daily", "daily", "monthly");
            assertThat(field(status, "window_start")).containsExactly("2026-11-24T00:00:00Z", "2026-11-24T00:00:00Z",
                    "2026-11-01T00:00:00Z");
            assertThat(field(status, "window_end")).containsExactly("2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z",
                    "2026-12-01T00:00:00Z");
            assertThat(field(status, "spent_usd")).containsExactly("0.250000", "0.250000", "0.250000");
            assertThat(field(status, "reserved_usd")).containsExactly("0.000000", "0.100000", "0.000000");
            assertThat(field(status, "remaining_usd")).containsExactly("0.750000", "4.650000", "9.750000");
            assertThat(field(status, "percent_used")).containsExactly("25.0", "5.0", "2.5");
            assertThat(status.at("/data/0/thresholds").toString()).isEqualTo("[50,80,100]");

            var teamStatus = admin.ok("GET", "/teams/" + team + "/budget", "");
            assertThat(field(teamStatus, "scope")).containsExactly("team:" + team, "org:" + org);
            assertThat(field(admin.ok("GET", "/orgs/" + org + "/budget", ""), "scope")).containsExactly("org:" + org);
            assertThat(field(admin.ok("GET", "/users/" + user + "/budget", ""), "scope"))
                    .containsExactly("team:" + team, "org:" + org);

            var logged = new java.util.concurrent.CopyOnWriteArrayList<String>();
            var handler = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    logged.add(record.getMessage());
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            // Tests log warnings only (logging.properties): let this logger's INFO reach the handler, and only it.
            var log = java.util.logging.Logger.getLogger("warden.admin");
            var level = log.getLevel();
            log.setLevel(java.util.logging.Level.INFO);
            log.setUseParentHandlers(false);
            log.addHandler(handler);
            JsonNode reset;
            try {
                reset = admin.ok("POST", "/teams/" + team + "/budget/reset", "");
            } finally {
                log.removeHandler(handler);
                log.setUseParentHandlers(true);
                log.setLevel(level);
            }
            assertThat(logged).containsExactly("budget team:" + team + " reset for window 2026-11-24 by master master:"
                    + " 0.250000 USD spent before");
            assertThat(reset.at("/reset/spent_before_usd").asText()).isEqualTo("0.250000");
            assertThat(reset.at("/reset/window_id").asText()).isEqualTo("2026-11-24");
            assertThat(field(reset, "spent_usd")).containsExactly("0.000000", "0.250000");
            assertThat(field(reset, "reserved_usd")).as("the call in flight stays held")
                    .containsExactly("0.100000", "0.000000");
            assertThat(field(admin.ok("GET", "/keys/" + key + "/budget", ""), "spent_usd"))
                    .containsExactly("0.250000", "0.000000", "0.250000");

            var none = admin.master("POST", "/users/" + user + "/budget/reset", "");
            assertThat(none.status()).isEqualTo(409);
            assertThat(AdminFixture.json(none).at("/error/message").asText())
                    .isEqualTo("User '" + user + "' has no budget of its own to reset.");
            assertThat(admin.master("GET", "/keys/key_nope/budget", "").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTokenBudgetShowsInTokensBesideTheDollarsAndAResetZeroesBoth(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var key = admin.ok("POST", "/keys", "{\"limits\": {\"budget_usd\": 2, \"token_budget\": 10000,"
                    + " \"token_budget_window\": \"daily\"}}").get("id").asText();
            var now = admin.now.get();
            var limits = new Limits(null, null, null, new BigDecimal("2"), null, 10_000L, "daily");
            var lines = admin.budgets().lines(List.of(new LimitLine("key:" + key, limits)), now);
            assertThat(lines).extracting(BudgetLine::unit).containsExactly(BudgetLine.Unit.USD_MICROS,
                    BudgetLine.Unit.TOKENS);
            var held = admin.ledger.reserve(List.of(new Hold(lines.get(0), 500_000), new Hold(lines.get(1), 3_000)),
                    now, Duration.ofMinutes(1));
            admin.ledger.settle(((ReserveResult.Granted) held).reservation(), List.of(400_000L, 2_500L), now);

            var status = admin.ok("GET", "/keys/" + key + "/budget", "");
            assertThat(field(status, "scope")).containsExactly("key:" + key, "key:" + key);
            assertThat(field(status, "unit")).containsExactly("usd", "tokens");
            assertThat(field(status, "binding")).as("one binding line per unit").containsExactly("true", "true");
            assertThat(status.at("/data/0/spent_usd").asText()).isEqualTo("0.400000");
            assertThat(status.at("/data/1/cap_tokens").asLong()).isEqualTo(10_000);
            assertThat(status.at("/data/1/spent_tokens").asLong()).isEqualTo(2_500);
            assertThat(status.at("/data/1/remaining_tokens").asLong()).isEqualTo(7_500);
            assertThat(status.at("/data/1/window").asText()).isEqualTo("daily");
            assertThat(status.at("/data/1/cap_usd").isMissingNode()).isTrue();

            var reset = admin.ok("POST", "/keys/" + key + "/budget/reset", "");
            assertThat(reset.at("/reset/spent_before_usd").asText()).isEqualTo("0.400000");
            assertThat(reset.at("/reset/spent_before_tokens").asLong()).isEqualTo(2_500);
            assertThat(field(reset, "percent_used")).containsExactly("0.0", "0.0");
        }
    }
}

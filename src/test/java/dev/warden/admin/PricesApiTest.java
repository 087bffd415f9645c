package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.pipeline.Principal;
import dev.warden.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The price overrides of the admin API on a real database: the round trip, and every bad input named. */
class PricesApiTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createReadListUpdateDelete(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            long before = admin.database().revision();
            var shared = admin.ok("POST", "/prices", """
                    {"model": "llama-3.1-70b", "input": "0.12", "output": 0.3, "cached_input": "0.06",
                     "cost_tier": "Small", "note": "internal GPU rate"}""");
            assertThat(shared.get("id").asText()).matches("pr_[0-9a-z]{20}");
            assertThat(shared.get("object").asText()).isEqualTo("price_override");
            assertThat(shared.get("deployment").isNull()).as("every deployment").isTrue();
            assertThat(shared.get("input").decimalValue()).isEqualByComparingTo("0.12");
            assertThat(shared.get("output").decimalValue()).isEqualByComparingTo("0.3");
            assertThat(shared.get("cached_input").decimalValue()).isEqualByComparingTo("0.06");
            assertThat(shared.get("cache_write").isNull()).isTrue();
            assertThat(shared.get("cost_tier").asText()).isEqualTo("small");
            assertThat(shared.get("updated_by").asText()).isEqualTo("master");
            assertThat(shared.get("created_at").asText()).isEqualTo("2026-11-24T10:00:00.123Z");
            var own = admin.ok("POST", "/prices", "{\"model\": \"llama-3.1-70b\", \"deployment\": \""
                    + AdminFixture.CONFIGURED_DEPLOYMENT + "\", \"input\": 0, \"output\": 0}");
            admin.ok("POST", "/deployments", "{\"name\": \"stored\", \"provider\": \"echo\"}");
            var onStored = admin.ok("POST", "/prices", "{\"model\": \"qwen\", \"deployment\": \"stored\","
                    + " \"input\": 1, \"output\": 2}");
            assertThat(admin.database().revision()).as("every write bumps the revision").isEqualTo(before + 4);
            assertThat(admin.writes.get()).as("each write applies at once on this instance").isEqualTo(4);

            assertThat(admin.ok("GET", "/prices/" + shared.get("id").asText(), "")).isEqualTo(shared);
            assertThat(admin.ok("GET", "/prices", "").get("data")).containsExactly(shared, own, onStored);
            assertThat(admin.ok("GET", "/prices?model=qwen", "").get("data")).containsExactly(onStored);
            assertThat(admin.ok("GET", "/prices?model=nothing", "").get("data")).isEmpty();

            var effective = admin.ok("GET", "/prices/effective?deployment=stored&model=llama-3.1-70b", "");
            assertThat(effective.get("source").asText()).isEqualTo("override");
            assertThat(effective.get("override_id").asText()).isEqualTo(shared.get("id").asText());
            assertThat(effective.at("/price/cache_write").decimalValue()).as("filled in at the input rate")
                    .isEqualByComparingTo("0.12");

            admin.now.set(admin.now.get().plusSeconds(60));
            var id = shared.get("id").asText();
            var changed = admin.ok("PATCH", "/prices/" + id, "{\"output\": \"0.4\", \"cached_input\": null,"
                    + " \"cost_tier\": null}");
            assertThat(changed.get("output").decimalValue()).isEqualByComparingTo("0.4");
            assertThat(changed.get("input").decimalValue()).as("untouched").isEqualByComparingTo("0.12");
            assertThat(changed.get("cached_input").isNull()).as("null clears").isTrue();
            assertThat(changed.get("cost_tier").isNull()).isTrue();
            assertThat(changed.get("note").asText()).isEqualTo("internal GPU rate");
            assertThat(changed.get("created_at")).isEqualTo(shared.get("created_at"));
            assertThat(changed.get("updated_at").asText()).isEqualTo("2026-11-24T10:01:00.123Z");
            assertThat(admin.ok("GET", "/prices/" + id, "")).isEqualTo(changed);

            var deleted = admin.ok("DELETE", "/prices/" + id, "");
            assertThat(deleted.get("deleted").asBoolean()).isTrue();
            assertThat(admin.master("GET", "/prices/" + id, "").status()).isEqualTo(404);
            assertThat(admin.master("DELETE", "/prices/" + id, "").status()).isEqualTo(404);
            assertThat(admin.master("PATCH", "/prices/pr_nothing", "{\"note\": \"x\"}").status()).isEqualTo(404);
            assertThat(admin.ok("GET", "/prices/effective?deployment=stored&model=llama-3.1-70b", "")
                    .get("source").asText()).isEqualTo("none");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aSecondOverrideForTheSameDeploymentAndModelIsAConflict(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            admin.ok("POST", "/prices", "{\"model\": \"m\", \"input\": 1, \"output\": 1}");
            admin.ok("POST", "/prices", "{\"model\": \"m\", \"deployment\": \"from-config\", \"input\": 1,"
                    + " \"output\": 1}");
            for (var body : new String[] {"{\"model\": \"m\", \"input\": 2, \"output\": 2}",
                    "{\"model\": \"m\", \"deployment\": \"from-config\", \"input\": 2, \"output\": 2}"}) {
                var again = admin.master("POST", "/prices", body);
                assertThat(again.status()).as(body).isEqualTo(409);
                var error = AdminFixture.json(again).get("error");
                assertThat(error.get("param").asText()).isEqualTo("model");
                assertThat(error.get("message").asText()).contains("already a price override for model 'm'");
            }
            assertThat(admin.ok("GET", "/prices", "").get("data")).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void badInputIsA400NamingTheField(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var cases = new String[][] {
                {"{\"model\": \"m\", \"input\": -1, \"output\": 1}", "input", "must not be negative"},
                {"{\"model\": \"m\", \"input\": 1, \"output\": \"-0.5\"}", "output", "must not be negative"},
                {"{\"model\": \"m\", \"input\": 1, \"output\": 1, \"reasoning\": -2}", "reasoning", "negative"},
                {"{\"model\": \"m\", \"input\": \"cheap\", \"output\": 1}", "input", "a price in US dollars"},
                {"{\"model\": \"m\", \"input\": true, \"output\": 1}", "input", "a price in US dollars"},
                {"{\"model\": \"m\", \"output\": 1}", "input", "is required"},
                {"{\"model\": \"m\", \"input\": 1}", "output", "is required"},
                {"{\"input\": 1, \"output\": 1}", "model", "is required"},
                {"{\"model\": \"m\", \"input\": 1, \"output\": 1, \"cost_tier\": \"premium\"}", "cost_tier",
                    "Unknown cost tier 'premium'"},
                {"{\"model\": \"m\", \"deployment\": \"nope\", \"input\": 1, \"output\": 1}", "deployment",
                    "No deployment 'nope'"},
                {"{\"model\": \"m\", \"input\": 1, \"output\": 1, \"inptu\": 1}", "inptu", "Unknown field"},
            };
            for (var c : cases) {
                var response = admin.master("POST", "/prices", c[0]);
                assertThat(response.status()).as(c[0] + " " + response.text()).isEqualTo(400);
                var error = AdminFixture.json(response).get("error");
                assertThat(error.get("param").asText()).as(c[0]).isEqualTo(c[1]);
                assertThat(error.get("message").asText()).as(c[0]).contains(c[2]);
            }
            var id = admin.ok("POST", "/prices", "{\"model\": \"m\", \"input\": 1, \"output\": 1}").get("id").asText();
            for (var c : new String[][] {{"{\"model\": \"other\"}", "model"}, {"{\"deployment\": \"from-config\"}",
                    "deployment"}, {"{\"input\": null}", "input"}, {"{\"output\": -1}", "output"}}) {
                var response = admin.master("PATCH", "/prices/" + id, c[0]);
                assertThat(response.status()).as(c[0]).isEqualTo(400);
                assertThat(AdminFixture.json(response).at("/error/param").asText()).isEqualTo(c[1]);
            }
            for (var c : new String[][] {{"/prices/effective?model=m", "deployment"},
                    {"/prices/effective?deployment=from-config", "model"},
                    {"/prices/effective?deployment=nope&model=m", "deployment"}}) {
                var response = admin.master("GET", c[0], "");
                assertThat(response.status()).as(c[0]).isEqualTo(400);
                assertThat(AdminFixture.json(response).at("/error/param").asText()).isEqualTo(c[1]);
            }
            assertThat(admin.writes.get()).as("only the one good create wrote").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theAuthorIsTheCallersId(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var user = admin.ok("POST", "/users", "{\"email\": \"ops@example.com\", \"roles\": [{\"role\":"
                    + " \"admin\"}]}");
            var key = admin.ok("POST", "/keys", "{\"user_id\": \"" + user.get("id").asText() + "\"}");
            admin.refresh();
            Principal caller = admin.principal(key.get("key").asText());
            var created = AdminFixture.json(admin.call(caller, "POST", "/prices", "{\"model\": \"m\", \"input\": 1,"
                    + " \"output\": 1}"));
            assertThat(created.get("updated_by").asText()).isEqualTo(caller.id()).isEqualTo(key.get("id").asText());
        }
    }
}

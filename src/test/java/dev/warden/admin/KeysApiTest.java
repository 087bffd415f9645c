package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.testkit.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys through the API: what a key shows, listing and paging by reach, rotation with grace, revocation. */
class KeysApiTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeyShowsEverythingButItsHashAndItsSecretOnlyOnce(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var tier = admin.ok("POST", "/tiers", "{\"name\": \"std\"}").get("id").asText();
            var created = admin.ok("POST", "/keys", """
                    {"alias": "ci", "tier_id": "%s", "models": ["gpt-4o*", "echo"], "endpoints": ["chat", "models"],
                     "deployments": ["echo", "openai"], "pinned_deployment": "echo", "expires_in": "30d",
                     "metadata": {"app": "ci"}, "tags": ["prod"], "limits": {"rpm": 10, "tpm": 1000,
                     "max_parallel": 2, "budget_usd": 5, "budget_window": "7d"}, "enabled": true}""".formatted(tier));
            var secret = created.get("key").asText();
            assertThat(secret).startsWith("wk-").hasSize(46);
            assertThat(created.get("prefix").asText()).isEqualTo(secret.substring(0, 9) + "…");
            assertThat(created.get("expires_at").asText()).isEqualTo("2026-12-24T10:00:00.123Z");
            assertThat(created.get("endpoints")).extracting(JsonNode::asText).containsExactly("chat", "models");
            assertThat(created.get("state").asText()).isEqualTo("active");
            assertThat(created.has("hash")).isFalse();
            var id = created.get("id").asText();
            var read = admin.ok("GET", "/keys/" + id, "");
            assertThat(read.has("key")).isFalse();
            assertThat(read.toString()).doesNotContain(secret).doesNotContain(AdminFixture.SECRET.keyHasher().hash(secret));
            ((com.fasterxml.jackson.databind.node.ObjectNode) created).remove("key");
            assertThat(read).isEqualTo(created);
            var listed = admin.ok("GET", "/keys", "");
            assertThat(listed.toString()).doesNotContain(secret).doesNotContain("\"hash\"");

            var patched = admin.ok("PATCH", "/keys/" + id, "{\"alias\": null, \"enabled\": false, \"expires_at\": null}");
            assertThat(patched.get("alias").isNull()).isTrue();
            assertThat(patched.get("state").asText()).isEqualTo("disabled");
            assertThat(patched.get("expires_at").isNull()).as("clearing expires_at removes the expiry").isTrue();
            assertThat(patched.get("tags").get(0).asText()).isEqualTo("prod");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTokenBudgetIsAcceptedShownAndChangedWhereverLimitsAre(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var key = admin.ok("POST", "/keys", """
                    {"limits": {"budget_usd": 5, "token_budget": 3000000000, "token_budget_window": "daily"}}""");
            assertThat(key.at("/limits/token_budget").asLong()).isEqualTo(3_000_000_000L);
            assertThat(key.at("/limits/token_budget_window").asText()).isEqualTo("daily");
            var id = key.get("id").asText();
            assertThat(admin.ok("GET", "/keys/" + id, "").get("limits")).isEqualTo(key.get("limits"));
            var org = admin.ok("POST", "/orgs", "{\"name\": \"o\", \"limits\": {\"token_budget\": 100}}");
            assertThat(org.at("/limits/token_budget").asLong()).isEqualTo(100);
            assertThat(org.at("/limits/token_budget_window").isNull()).isTrue();
            var patched = admin.ok("PATCH", "/orgs/" + org.get("id").asText(),
                    "{\"limits\": {\"token_budget\": 200, \"token_budget_window\": \"12h\"}}");
            assertThat(patched.at("/limits/token_budget").asLong()).isEqualTo(200);
            assertThat(admin.ok("GET", "/orgs/" + org.get("id").asText(), "").at("/limits/token_budget_window")
                    .asText()).isEqualTo("12h");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rotationHandsOutANewSecretOnceAndKeepsTheOldOneForTheGracePeriod(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var old = admin.ok("POST", "/keys", "{\"alias\": \"svc\", \"models\": [\"echo\"]}");
            var oldSecret = old.get("key").asText();
            var rotated = admin.ok("POST", "/keys/" + old.get("id").asText() + "/rotate", "{\"grace_period\": \"1h\"}");
            var newSecret = rotated.get("key").asText();
            assertThat(newSecret).isNotEqualTo(oldSecret);
            assertThat(rotated.get("alias").asText()).isEqualTo("svc");
            assertThat(rotated.get("models").get(0).asText()).isEqualTo("echo");
            assertThat(rotated.get("rotated_from").asText()).isEqualTo(old.get("id").asText());
            assertThat(rotated.get("previous_key_expires_at").asText()).isEqualTo("2026-11-24T11:00:00.123Z");
            assertThat(admin.principal(oldSecret).id()).isEqualTo(old.get("id").asText());
            assertThat(admin.principal(newSecret).id()).isEqualTo(rotated.get("id").asText());
            admin.now.set(admin.now.get().plus(Duration.ofMinutes(61)));
            assertThat(admin.ok("GET", "/keys/" + old.get("id").asText(), "").get("state").asText())
                    .isEqualTo("expired");
            AdminBadInputTest.expect(admin.master("POST", "/keys/" + old.get("id").asText() + "/rotate", ""), 409,
                    null, "expired");

            var revoked = admin.ok("POST", "/keys/" + rotated.get("id").asText() + "/revoke", "");
            assertThat(revoked.get("state").asText()).isEqualTo("revoked");
            assertThat(revoked.get("revoked_at").asText()).isEqualTo("2026-11-24T11:01:00.123Z");
            assertThat(admin.ok("POST", "/keys/" + rotated.get("id").asText() + "/revoke", ""))
                    .as("revoking again changes nothing").isEqualTo(revoked);
            AdminBadInputTest.expect(admin.master("PATCH", "/keys/" + rotated.get("id").asText(),
                    "{\"enabled\": true}"), 409, "enabled", "cannot be enabled again");
            var usage = admin.ok("GET", "/keys/" + rotated.get("id").asText() + "/usage", "");
            assertThat(usage.get("state").asText()).isEqualTo("revoked");
            assertThat(usage.at("/requests/total/requests").asLong()).isZero();
            assertThat(usage.at("/requests/by_day")).isEmpty();
            assertThat(admin.ok("GET", "/keys", "").get("data")).as("revoked keys are hidden by default").hasSize(1);
            assertThat(admin.ok("GET", "/keys?include_revoked=true", "").get("data")).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void listingsShowWhatTheCallerMayReadAndPage(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var x = admin.ok("POST", "/orgs", "{\"name\": \"x\"}").get("id").asText();
            var y = admin.ok("POST", "/orgs", "{\"name\": \"y\"}").get("id").asText();
            var t = admin.ok("POST", "/teams", "{\"org_id\": \"" + x + "\", \"name\": \"t\"}").get("id").asText();
            var orgAdmin = admin.ok("POST", "/users", "{\"email\": \"oa@example.com\", \"org_id\": \"" + x
                    + "\", \"roles\": [{\"role\": \"org-admin\", \"org\": \"" + x + "\"}]}").get("id").asText();
            var member = admin.ok("POST", "/users", "{\"email\": \"m@example.com\", \"org_id\": \"" + x
                    + "\", \"team_ids\": [\"" + t + "\"], \"roles\": [{\"role\": \"member\", \"team\": \"" + t + "\"}]}")
                    .get("id").asText();
            var orgAdminKey = admin.ok("POST", "/keys", "{\"user_id\": \"" + orgAdmin + "\"}").get("key").asText();
            var memberKey = admin.ok("POST", "/keys", "{\"user_id\": \"" + member + "\", \"team_id\": \"" + t + "\"}")
                    .get("key").asText();
            var inX = new ArrayList<String>(List.of());
            for (int i = 0; i < 3; i++) {
                admin.now.set(admin.now.get().plusSeconds(1));
                inX.add(admin.ok("POST", "/keys", "{\"team_id\": \"" + t + "\"}").get("id").asText());
                admin.ok("POST", "/keys", "{\"org_id\": \"" + y + "\"}");
            }
            var asOrgAdmin = admin.principal(orgAdminKey);
            var all = AdminFixture.json(admin.call(asOrgAdmin, "GET", "/keys?limit=1000"));
            assertThat(all.get("data")).hasSize(5).allSatisfy(key -> assertThat(key.get("org_id").asText(""))
                    .isNotEqualTo(y));
            var first = AdminFixture.json(admin.call(asOrgAdmin, "GET", "/keys?limit=2"));
            assertThat(first.get("data")).extracting(key -> key.get("id").asText())
                    .containsExactly(inX.get(2), inX.get(1));
            assertThat(first.get("has_more").asBoolean()).isTrue();
            var last = AdminFixture.json(admin.call(asOrgAdmin, "GET", "/keys?limit=2&offset=4"));
            assertThat(last.get("data")).hasSize(1);
            assertThat(last.get("has_more").asBoolean()).isFalse();
            assertThat(AdminFixture.json(admin.call(asOrgAdmin, "GET", "/keys?org=" + y)).get("data"))
                    .as("filters never widen the reach").isEmpty();

            var asMember = admin.principal(memberKey);
            var own = AdminFixture.json(admin.call(asMember, "GET", "/keys"));
            assertThat(own.get("data")).hasSize(1);
            assertThat(own.get("data").get(0).get("user_id").asText()).isEqualTo(member);
            assertThat(AdminFixture.json(admin.call(asMember, "GET", "/users")).get("data"))
                    .extracting(user -> user.get("id").asText()).containsExactly(member);
            assertThat(AdminFixture.json(admin.call(asMember, "GET", "/teams")).get("data"))
                    .extracting(team -> team.get("id").asText()).containsExactly(t);
            assertThat(AdminFixture.json(admin.call(asOrgAdmin, "GET", "/orgs")).get("data"))
                    .extracting(org -> org.get("id").asText()).containsExactly(x);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void usageSumsTheKeysCountersOverTheAskedDaysOnly(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var id = admin.ok("POST", "/keys", "{\"alias\": \"counted\"}").get("id").asText();
            var today = java.time.LocalDate.parse("2026-11-24");
            var at = java.time.Instant.parse("2026-11-24T09:00:00Z");
            new dev.warden.store.JdbcUsageStore(admin.database()).add(java.util.List.of(
                    new dev.warden.observe.UsageRow(today, id, "echo", 5, 1, 50, 20, at),
                    new dev.warden.observe.UsageRow(today.minusDays(1), id, "gpt-4o", 2, 0, 10, 4, at),
                    new dev.warden.observe.UsageRow(today.minusDays(40), id, "echo", 100, 0, 1, 1, at),
                    new dev.warden.observe.UsageRow(today, "key_other", "echo", 7, 0, 7, 7, at)));
            var usage = admin.ok("GET", "/keys/" + id + "/usage", "");
            assertThat(usage.at("/requests/from").asText()).isEqualTo("2026-10-26");
            assertThat(usage.at("/requests/to").asText()).isEqualTo("2026-11-24");
            assertThat(usage.at("/requests/total/requests").asLong()).isEqualTo(7);
            assertThat(usage.at("/requests/total/errors").asLong()).isEqualTo(1);
            assertThat(usage.at("/requests/total/prompt_tokens").asLong()).isEqualTo(60);
            assertThat(usage.at("/requests/by_day/0/model").asText()).isEqualTo("echo");
            var lastDay = admin.ok("GET", "/keys/" + id + "/usage?days=1", "");
            assertThat(lastDay.at("/requests/total/requests").asLong()).isEqualTo(5);
            var status = admin.master("GET", "/keys/" + id + "/usage?days=0", "").status();
            assertThat(status).isEqualTo(400);
        }
    }
}

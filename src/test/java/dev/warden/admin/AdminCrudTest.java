package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.pipeline.Principal;
import dev.warden.store.JdbcIdentityStore;
import dev.warden.store.JsonColumns;
import dev.warden.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Create, read, list, update and delete of every directory resource, through the real API on a real database. */
class AdminCrudTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void directoryRoundTrip(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var revisions = new JdbcIdentityStore(admin.database(), new JsonColumns());
            long before = revisions.revision();
            var tier = admin.ok("POST", "/tiers", """
                    {"name": "standard", "models": ["gpt-4o-mini", "llama-*"], "limits": {"rpm": 60,
                     "budget_usd": 12.5, "budget_window": "monthly"}, "metadata": {"cost_center": "42"}}""");
            assertThat(tier.get("id").asText()).matches("tier_[0-9a-z]{20}");
            assertThat(tier.get("limits").get("budget_usd").decimalValue()).isEqualByComparingTo("12.5");
            var org = admin.ok("POST", "/orgs", "{\"name\": \"acme\", \"tier_id\": \"" + tier.get("id").asText() + "\"}");
            var orgId = org.get("id").asText();
            assertThat(orgId).startsWith("org_");
            var team = admin.ok("POST", "/teams", "{\"org_id\": \"" + orgId + "\", \"name\": \"research\"}");
            var teamId = team.get("id").asText();
            var user = admin.ok("POST", "/users", "{\"email\": \"ada@example.com\", \"name\": \"Ada\", \"org_id\": \""
                    + orgId + "\", \"team_ids\": [\"" + teamId + "\"], \"roles\": [{\"role\": \"team-admin\", "
                    + "\"team\": \"" + teamId + "\"}]}");
            var userId = user.get("id").asText();
            assertThat(userId).startsWith("usr_");
            assertThat(user.get("roles").get(0).get("org").asText()).isEqualTo(orgId);
            assertThat(revisions.revision()).isEqualTo(before + 4);
            assertThat(admin.writes.get()).isEqualTo(4);

            assertThat(admin.ok("GET", "/users/" + userId, "")).isEqualTo(user);
            assertThat(admin.ok("GET", "/teams/" + teamId, "")).isEqualTo(team);
            assertThat(admin.ok("GET", "/orgs/" + orgId, "")).isEqualTo(org);
            assertThat(admin.ok("GET", "/tiers/" + tier.get("id").asText(), "")).isEqualTo(tier);
            assertThat(admin.ok("GET", "/users?team=" + teamId, "").get("data").get(0).get("email").asText())
                    .isEqualTo("ada@example.com");
            assertThat(admin.ok("GET", "/teams?org=" + orgId, "").get("data")).hasSize(1);

            var renamed = admin.ok("PATCH", "/teams/" + teamId, "{\"name\": \"lab\", \"models\": [\"gpt-4o*\"]}");
            assertThat(renamed.get("name").asText()).isEqualTo("lab");
            assertThat(renamed.get("org_id").asText()).isEqualTo(orgId);
            var changed = admin.ok("PATCH", "/users/" + userId, "{\"team_ids\": [], \"roles\": [{\"role\": \"viewer\","
                    + " \"org\": \"" + orgId + "\"}], \"name\": null}");
            assertThat(changed.get("team_ids")).isEmpty();
            assertThat(changed.get("name").isNull()).isTrue();
            assertThat(changed.get("roles").get(0).get("role").asText()).isEqualTo("viewer");
            assertThat(admin.ok("GET", "/users/" + userId, "")).isEqualTo(changed);

            var added = admin.master("POST", "/teams/" + teamId + "/members", "{\"user_id\": \"" + userId + "\"}");
            assertThat(added.status()).isEqualTo(201);
            assertThat(admin.ok("GET", "/users/" + userId, "").get("team_ids").get(0).asText()).isEqualTo(teamId);
            assertThat(admin.master("DELETE", "/teams/" + teamId + "/members/" + userId, "").status()).isEqualTo(200);
            assertThat(admin.ok("GET", "/users/" + userId, "").get("team_ids")).isEmpty();

            assertThat(admin.ok("DELETE", "/users/" + userId, "").get("deleted").asBoolean()).isTrue();
            assertThat(admin.master("GET", "/users/" + userId, "").status()).isEqualTo(404);
            admin.ok("DELETE", "/teams/" + teamId, "");
            admin.ok("DELETE", "/orgs/" + orgId, "");
            admin.ok("DELETE", "/tiers/" + tier.get("id").asText(), "");
            assertThat(admin.ok("GET", "/orgs", "").get("data")).isEmpty();
            assertThat(admin.ok("GET", "/tiers", "").get("data")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletingWhatIsStillUsedIsAConflictThatSaysWhy(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var tierId = admin.ok("POST", "/tiers", "{\"name\": \"gold\"}").get("id").asText();
            var orgId = admin.ok("POST", "/orgs", "{\"name\": \"acme\", \"tier_id\": \"" + tierId + "\"}")
                    .get("id").asText();
            var teamId = admin.ok("POST", "/teams", "{\"org_id\": \"" + orgId + "\", \"name\": \"t\"}").get("id")
                    .asText();
            var keyId = admin.ok("POST", "/keys", "{\"team_id\": \"" + teamId + "\"}").get("id").asText();

            assertConflict(admin.master("DELETE", "/orgs/" + orgId, ""), "The organization still has 1 team");
            assertConflict(admin.master("DELETE", "/tiers/" + tierId, ""), "The tier is still used by 1 organization");
            assertConflict(admin.master("DELETE", "/teams/" + teamId, ""), "The team still has 1 unrevoked key");
            admin.ok("POST", "/keys/" + keyId + "/revoke", "");
            admin.ok("DELETE", "/teams/" + teamId, "");
            assertThat(admin.master("GET", "/keys/" + keyId, "").status())
                    .as("a deleted team's revoked keys go with it").isEqualTo(404);
            admin.ok("DELETE", "/orgs/" + orgId, "");
            admin.ok("DELETE", "/tiers/" + tierId, "");
        }
    }

    private static void assertConflict(AdminResponse response, String message) {
        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(AdminFixture.json(response).get("error").get("message").asText()).startsWith(message);
        assertThat(AdminFixture.json(response).get("error").get("code").asText()).isEqualTo("conflict");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void meShowsTheCaller(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var me = AdminFixture.json(admin.call(Principal.MASTER, "GET", "/me"));
            assertThat(me.get("kind").asText()).isEqualTo("master");
            assertThat(me.get("roles").get(0).get("role").asText()).isEqualTo("admin");
        }
    }
}

package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.pipeline.Principal;
import dev.warden.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A caller probing beyond its scope gets the same answer whether the thing exists or not: another organization's
 * objects cannot be discovered through status codes or messages.
 */
class ScopeSecrecyTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void existingAndMissingObjectsOutsideTheScopeLookAlike(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var x = admin.ok("POST", "/orgs", "{\"name\": \"x\"}").get("id").asText();
            var y = admin.ok("POST", "/orgs", "{\"name\": \"y\"}").get("id").asText();
            var t = admin.ok("POST", "/teams", "{\"org_id\": \"" + x + "\", \"name\": \"t\"}").get("id").asText();
            var u = admin.ok("POST", "/teams", "{\"org_id\": \"" + y + "\", \"name\": \"u\"}").get("id").asText();
            var userY = admin.ok("POST", "/users", "{\"email\": \"y@example.com\", \"org_id\": \"" + y + "\"}")
                    .get("id").asText();
            var keyY = admin.ok("POST", "/keys", "{\"org_id\": \"" + y + "\"}").get("id").asText();
            var orgAdmin = caller(admin, x, t, "{\"role\": \"org-admin\", \"org\": \"" + x + "\"}");
            var teamAdmin = caller(admin, x, t, "{\"role\": \"team-admin\", \"team\": \"" + t + "\"}");
            var member = caller(admin, x, t, "{\"role\": \"member\", \"team\": \"" + t + "\"}");

            alike(admin.call(orgAdmin, "GET", "/keys/" + keyY), admin.call(orgAdmin, "GET", "/keys/key_missing"),
                    keyY, "key_missing");
            alike(admin.call(orgAdmin, "GET", "/users/" + userY), admin.call(orgAdmin, "GET", "/users/usr_missing"),
                    userY, "usr_missing");
            alike(admin.call(orgAdmin, "DELETE", "/teams/" + u), admin.call(orgAdmin, "DELETE", "/teams/team_missing"),
                    u, "team_missing");
            alike(admin.call(orgAdmin, "POST", "/keys", "{\"org_id\": \"" + x + "\", \"team_id\": \"" + u + "\"}"),
                    admin.call(orgAdmin, "POST", "/keys", "{\"org_id\": \"" + x + "\", \"team_id\": \"team_missing\"}"),
                    u, "team_missing");
            alike(admin.call(orgAdmin, "POST", "/keys", "{\"user_id\": \"" + userY + "\"}"),
                    admin.call(orgAdmin, "POST", "/keys", "{\"user_id\": \"usr_missing\"}"), userY, "usr_missing");
            alike(admin.call(orgAdmin, "POST", "/users", "{\"email\": \"n@example.com\", \"org_id\": \"" + x
                    + "\", \"team_ids\": [\"" + u + "\"]}"), admin.call(orgAdmin, "POST", "/users", "{\"email\": "
                    + "\"n@example.com\", \"org_id\": \"" + x + "\", \"team_ids\": [\"team_missing\"]}"), u,
                    "team_missing");
            alike(admin.call(orgAdmin, "POST", "/users", "{\"email\": \"n@example.com\", \"org_id\": \"" + x
                    + "\", \"roles\": [{\"role\": \"viewer\", \"team\": \"" + u + "\"}]}"), admin.call(orgAdmin, "POST",
                    "/users", "{\"email\": \"n@example.com\", \"org_id\": \"" + x + "\", \"roles\": [{\"role\": "
                    + "\"viewer\", \"team\": \"team_missing\"}]}"), u, "team_missing");
            alike(admin.call(orgAdmin, "POST", "/teams", "{\"org_id\": \"" + y + "\", \"name\": \"n\"}"),
                    admin.call(orgAdmin, "POST", "/teams", "{\"org_id\": \"org_missing\", \"name\": \"n\"}"), y,
                    "org_missing");
            alike(admin.call(teamAdmin, "POST", "/keys", "{\"team_id\": \"" + t + "\", \"org_id\": \"" + y + "\"}"),
                    admin.call(teamAdmin, "POST", "/keys", "{\"team_id\": \"" + t + "\", \"org_id\": \"org_missing\"}"),
                    y, "org_missing");
            alike(admin.call(teamAdmin, "POST", "/teams/" + t + "/members", "{\"user_id\": \"" + userY + "\"}"),
                    admin.call(teamAdmin, "POST", "/teams/" + t + "/members", "{\"user_id\": \"usr_missing\"}"),
                    userY, "usr_missing");
            var self = member.owner().user();
            alike(admin.call(member, "POST", "/keys", "{\"user_id\": \"" + self + "\", \"org_id\": \"" + y + "\"}"),
                    admin.call(member, "POST", "/keys", "{\"user_id\": \"" + self + "\", \"org_id\": \"org_missing\"}"),
                    y, "org_missing");
            alike(admin.call(member, "POST", "/keys/" + keyY + "/revoke"),
                    admin.call(member, "POST", "/keys/key_missing/revoke"), keyY, "key_missing");
            assertThat(admin.master("GET", "/keys/" + keyY, "").status()).as("nothing was revoked").isEqualTo(200);
            assertThat(admin.ok("GET", "/keys/" + keyY, "").get("state").asText()).isEqualTo("active");
        }
    }

    private static Principal caller(AdminFixture admin, String org, String team, String role) {
        var user = admin.ok("POST", "/users", "{\"email\": \"" + System.nanoTime() + "@example.com\", \"org_id\": \""
                + org + "\", \"team_ids\": [\"" + team + "\"], \"roles\": [" + role + "]}").get("id").asText();
        return admin.principal(admin.ok("POST", "/keys", "{\"user_id\": \"" + user + "\", \"team_id\": \"" + team
                + "\"}").get("key").asText());
    }

    private static void alike(AdminResponse existing, AdminResponse missing, String existingId, String missingId) {
        assertThat(existing.status()).as(existing.text()).isGreaterThanOrEqualTo(400);
        assertThat(existing.status()).as(existing.text() + " vs " + missing.text()).isEqualTo(missing.status());
        assertThat(existing.text().replace(existingId, "ID")).isEqualTo(missing.text().replace(missingId, "ID"));
    }
}

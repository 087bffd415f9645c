package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.pipeline.Principal;
import dev.warden.testkit.TestDatabase;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every class of bad input gets its status, OpenAI's error shape and the field at fault, never a stack trace. */
class AdminBadInputTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachBadInputIsNamed(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var orgId = admin.ok("POST", "/orgs", "{\"name\": \"acme\"}").get("id").asText();
            var teamId = admin.ok("POST", "/teams", "{\"org_id\": \"" + orgId + "\", \"name\": \"t\"}").get("id")
                    .asText();
            admin.ok("POST", "/users", "{\"email\": \"ada@example.com\", \"org_id\": \"" + orgId + "\"}");
            admin.ok("POST", "/keys", "{\"alias\": \"taken\"}");

            // 400: malformed JSON, wrong types, unknown fields, bad formats, bad query parameters
            expect(admin.master("POST", "/orgs", "{\"name\": "), 400, null, "not valid JSON");
            expect(admin.master("POST", "/orgs", "[1]"), 400, null, "must be a JSON object");
            expect(admin.master("POST", "/orgs", "{\"name\": 5}"), 400, "name", "must be a string");
            expect(admin.master("POST", "/orgs", "{}"), 400, "name", "is required");
            expect(admin.master("POST", "/orgs", "{\"name\": \"x\", \"nmae\": 1}"), 400, "nmae", "Unknown field");
            expect(admin.master("POST", "/orgs", "{\"name\": \"x\", \"name\": \"y\"}"), 400, null, "Duplicate field");
            expect(admin.master("POST", "/keys", "{\"models\": \"gpt-4o\"}"), 400, "models", "array of strings");
            expect(admin.master("POST", "/keys", "{\"models\": [1]}"), 400, "models[0]", "must be a string");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"rpm\": \"ten\"}}"), 400, "limits.rpm",
                    "whole number");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"rmp\": 1}}"), 400, "limits.rmp", "Unknown field");
            expect(admin.master("POST", "/keys", "{\"metadata\": {\"a\": 1}}"), 400, "metadata.a", "string");
            expect(admin.master("POST", "/keys", "{\"enabled\": \"yes\"}"), 400, "enabled", "true or false");
            expect(admin.master("POST", "/keys", "{\"expires_at\": \"tomorrow\"}"), 400, "expires_at", "RFC 3339");
            expect(admin.master("POST", "/keys", "{\"expires_in\": \"30 days\"}"), 400, "expires_in", "duration");
            expect(admin.master("POST", "/keys", "{\"expires_in\": \"30d\", \"expires_at\": \"2030-01-01T00:00:00Z\"}"),
                    400, "expires_in", "not both");
            expect(admin.master("GET", "/keys?limit=1001", ""), 400, "limit", "between 1 and 1000");
            expect(admin.master("GET", "/keys?offset=-1", ""), 400, "offset", "negative");
            expect(admin.master("GET", "/keys?include_revoked=maybe", ""), 400, "include_revoked", "true or false");
            expect(admin.master("PATCH", "/teams/" + teamId, "{\"org_id\": \"org_other\"}"), 400, "org_id",
                    "cannot move");

            // 404 and 405
            expect(admin.master("GET", "/orgs/org_nope", ""), 404, null, "No organization 'org_nope'");
            expect(admin.master("GET", "/keys/key_nope", ""), 404, null, "No key 'key_nope'");
            expect(admin.master("GET", "/nothing", ""), 404, null, "Unknown admin URL");
            var wrongMethod = admin.master("PUT", "/orgs/" + orgId, "{}");
            expect(wrongMethod, 405, null, "Use DELETE, GET, PATCH");
            assertThat(wrongMethod.headers()).containsEntry("Allow", "DELETE, GET, PATCH");

            // 409: duplicates
            expect(admin.master("POST", "/orgs", "{\"name\": \"acme\"}"), 409, "name", "already exists");
            expect(admin.master("POST", "/teams", "{\"org_id\": \"" + orgId + "\", \"name\": \"t\"}"), 409, "name",
                    "already exists in this organization");
            expect(admin.master("POST", "/users", "{\"email\": \"ada@example.com\"}"), 409, "email",
                    "already exists");
            expect(admin.master("POST", "/keys", "{\"alias\": \"taken\"}"), 409, "alias", "alias 'taken'");

            // 415
            var text = admin.api().handle(Principal.MASTER, new AdminRequest("POST", "/admin/v1/orgs", Map.of(),
                    AdminFixture.bytes("name=x"), "text/plain"));
            expect(text, 415, null, "application/json");
            var csvAsJson = admin.master("POST", "/users/import", "{}");
            expect(csvAsJson, 415, null, "text/csv");

            // 422: unknown references, invalid globs, emails, scopes
            expect(admin.master("POST", "/keys", "{\"team_id\": \"team_nope\"}"), 422, "team_id", "No team");
            expect(admin.master("POST", "/keys", "{\"tier_id\": \"tier_nope\"}"), 422, "tier_id", "No tier");
            expect(admin.master("POST", "/teams", "{\"org_id\": \"org_nope\", \"name\": \"x\"}"), 422, "org_id",
                    "No organization");
            expect(admin.master("POST", "/keys", "{\"models\": [\"gpt-4o\", \"gpt(4\"]}"), 422, "models[1]",
                    "Invalid model pattern");
            expect(admin.master("POST", "/keys", "{\"models\": [\"**\"]}"), 422, "models[0]", "'**'");
            expect(admin.master("POST", "/keys", "{\"endpoints\": [\"chat\", \"images\"]}"), 422, "endpoints",
                    "Unknown endpoint 'images'");
            expect(admin.master("POST", "/users", "{\"email\": \"not-an-email\"}"), 422, "email", "not a valid");
            expect(admin.master("POST", "/users", "{\"email\": \"b@example.com\", \"roles\": [{\"role\": "
                    + "\"team-admin\", \"team\": \"team_nope\"}]}"), 422, "roles[0].team", "No team 'team_nope'");
            expect(admin.master("POST", "/users", "{\"email\": \"b@example.com\", \"roles\": [{\"role\": "
                    + "\"owner\"}]}"), 422, "roles[0].role", "Unknown role 'owner'");
            expect(admin.master("POST", "/users", "{\"email\": \"b@example.com\", \"roles\": [{\"role\": "
                    + "\"org-admin\"}]}"), 422, "roles[0]", "Org-admin is scoped to exactly one org");
            expect(admin.master("POST", "/users", "{\"email\": \"b@example.com\", \"org_id\": \"" + orgId
                    + "\", \"team_ids\": [\"team_nope\"]}"), 422, "team_ids", "No team 'team_nope'");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"budget_window\": \"fortnightly\"}}"), 422,
                    "limits.budget_window", "Invalid budget window");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"rpm\": -1}}"), 422, "limits.rpm", "negative");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"token_budget\": -1}}"), 422,
                    "limits.token_budget", "negative");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"token_budget\": 1.5}}"), 400,
                    "limits.token_budget", "a whole number");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"token_budget\": \"lots\"}}"), 400,
                    "limits.token_budget", "a whole number");
            expect(admin.master("POST", "/keys", "{\"limits\": {\"token_budget_window\": \"fortnightly\"}}"),
                    422, "limits.token_budget_window", "Invalid budget window");
            expect(admin.master("POST", "/keys", "{\"expires_at\": \"2020-01-01T00:00:00Z\"}"), 422, "expires_at",
                    "in the past");
            expect(admin.master("POST", "/teams/" + teamId + "/members", "{\"user_id\": \"usr_nope\"}"), 422,
                    "user_id", "No user 'usr_nope' in the team's organization");
            assertThat(admin.ok("GET", "/users", "").get("data")).as("nothing half-written").hasSize(1);
        }
    }

    static void expect(AdminResponse response, int status, @Nullable String param, String message) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/json");
        var error = AdminFixture.json(response).get("error");
        assertThat(error.get("message").asText()).as(response.text()).contains(message);
        assertThat(error.get("type").asText()).isNotEmpty();
        assertThat(error.has("code")).isTrue();
        if (param == null) {
            assertThat(error.get("param").isNull()).as(response.text()).isTrue();
        } else {
            assertThat(error.get("param").asText()).as(response.text()).isEqualTo(param);
        }
    }
}

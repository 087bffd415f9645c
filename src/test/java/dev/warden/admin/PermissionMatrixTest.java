package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.pipeline.Principal;
import dev.warden.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every role against every admin operation, in and out of its scope, through the real API on a real database,
 * against the table below. Every caller is a user of organization X and a member of its team T, holding one role
 * (or none), authenticated from its own virtual key. Placeholders name fixed objects ({X} {Y} {T} {self}) or
 * fresh ones made for each cell ({teamX}: a new team in X, {userT}: a new user of X in T, {keyOwn}: a new key of
 * the caller in T, {keyT}: a new key of team T, {keyX}/{keyY}: new keys of organization X/Y, ...).
 */
class PermissionMatrixTest {
    private static final List<String> CALLERS = List.of("admin", "org-admin", "team-admin", "member", "viewer-org",
            "viewer-team", "none");

    // method path                              | body                                          | admin org-admin team-admin member viewer-org viewer-team none
    private static final String EXPECTED = """
            GET    /me                                |                                                    | 200 200 200 200 200 200 200
            POST   /orgs                              | {"name":"{name}"}                                  | 201 403 403 403 403 403 403
            GET    /orgs                              |                                                    | 200 200 403 403 200 200 403
            GET    /orgs/{X}                          |                                                    | 200 200 403 403 200 404 403
            GET    /orgs/{Y}                          |                                                    | 200 404 403 403 404 404 403
            PATCH  /orgs/{X}                          | {"metadata":{"k":"v"}}                             | 200 403 403 403 403 403 403
            PATCH  /orgs/{Y}                          | {"metadata":{"k":"v"}}                             | 200 403 403 403 403 403 403
            DELETE /orgs/{X}                          |                                                    | 409 403 403 403 403 403 403
            DELETE /orgs/{Z}                          |                                                    | 200 403 403 403 403 403 403
            POST   /teams                             | {"org_id":"{X}","name":"{name}"}                   | 201 201 403 403 403 403 403
            POST   /teams                             | {"org_id":"{Y}","name":"{name}"}                   | 201 403 403 403 403 403 403
            GET    /teams                             |                                                    | 200 200 200 200 200 200 403
            GET    /teams/{T}                         |                                                    | 200 200 200 200 200 200 403
            GET    /teams/{teamX}                     |                                                    | 200 200 404 404 200 404 403
            GET    /teams/{teamY}                     |                                                    | 200 404 404 404 404 404 403
            PATCH  /teams/{teamX}                     | {"metadata":{"k":"v"}}                             | 200 200 403 403 403 403 403
            PATCH  /teams/{teamY}                     | {"metadata":{"k":"v"}}                             | 200 404 403 403 403 403 403
            DELETE /teams/{T}                         |                                                    | 409 409 403 403 403 403 403
            DELETE /teams/{teamX}                     |                                                    | 200 200 403 403 403 403 403
            DELETE /teams/{teamY}                     |                                                    | 200 404 403 403 403 403 403
            POST   /teams/{T}/members                 | {"user_id":"{userX}"}                              | 201 201 201 403 403 403 403
            POST   /teams/{teamY}/members             | {"user_id":"{userY}"}                              | 201 404 404 403 403 403 403
            DELETE /teams/{T}/members/{userT}         |                                                    | 200 200 200 403 403 403 403
            DELETE /teams/{teamY}/members/{userInTeamY} |                                                  | 200 404 404 403 403 403 403
            POST   /users                             | {"email":"{email}","org_id":"{X}","team_ids":["{T}"],"roles":[{"role":"member","team":"{T}"}]} | 201 201 403 403 403 403 403
            POST   /users                             | {"email":"{email}","org_id":"{Y}"}                 | 201 403 403 403 403 403 403
            POST   /users                             | {"email":"{email}","org_id":"{X}","roles":[{"role":"admin"}]} | 201 403 403 403 403 403 403
            POST   /users                             | {"email":"{email}","org_id":"{X}","roles":[{"role":"viewer","org":"{Y}"}]} | 201 403 403 403 403 403 403
            GET    /users                             |                                                    | 200 200 200 200 200 200 403
            GET    /users/{self}                      |                                                    | 200 200 200 200 200 200 403
            GET    /users/{userT}                     |                                                    | 200 200 200 404 200 200 403
            GET    /users/{userX}                     |                                                    | 200 200 404 404 200 404 403
            GET    /users/{userY}                     |                                                    | 200 404 404 404 404 404 403
            PATCH  /users/{userX}                     | {"name":"N"}                                       | 200 200 403 403 403 403 403
            PATCH  /users/{userX}                     | {"org_id":"{Y}"}                                   | 200 403 403 403 403 403 403
            PATCH  /users/{userY}                     | {"name":"N"}                                       | 200 404 403 403 403 403 403
            DELETE /users/{userX}                     |                                                    | 200 200 403 403 403 403 403
            DELETE /users/{userY}                     |                                                    | 200 404 403 403 403 403 403
            POST   /users/import                      | csv                                                | 200 403 403 403 403 403 403
            POST   /tiers                             | {"name":"{name}"}                                  | 201 403 403 403 403 403 403
            GET    /tiers                             |                                                    | 200 200 403 403 403 403 403
            GET    /tiers/{tier}                      |                                                    | 200 200 403 403 403 403 403
            PATCH  /tiers/{tier}                      | {"models":["a*"]}                                  | 200 403 403 403 403 403 403
            DELETE /tiers/{tier}                      |                                                    | 200 403 403 403 403 403 403
            POST   /keys                              | {"user_id":"{self}","team_id":"{T}"}               | 201 201 201 201 403 403 403
            POST   /keys                              | {"user_id":"{userT}","team_id":"{T}"}              | 201 201 201 403 403 403 403
            POST   /keys                              | {"team_id":"{T}"}                                  | 201 201 201 403 403 403 403
            POST   /keys                              | {"org_id":"{X}"}                                   | 201 201 403 403 403 403 403
            POST   /keys                              | {"org_id":"{Y}"}                                   | 201 403 403 403 403 403 403
            POST   /keys                              | {"team_id":"{teamY}"}                              | 201 403 403 403 403 403 403
            GET    /keys                              |                                                    | 200 200 200 200 200 200 403
            GET    /keys/{keyOwn}                     |                                                    | 200 200 200 200 200 200 403
            GET    /keys/{keyT}                       |                                                    | 200 200 200 404 200 200 403
            GET    /keys/{keyX}                       |                                                    | 200 200 404 404 200 404 403
            GET    /keys/{keyY}                       |                                                    | 200 404 404 404 404 404 403
            PATCH  /keys/{keyOwn}                     | {"tags":["x"]}                                     | 200 200 200 403 403 403 403
            PATCH  /keys/{keyX}                       | {"tags":["x"]}                                     | 200 200 404 403 403 403 403
            PATCH  /keys/{keyY}                       | {"tags":["x"]}                                     | 200 404 404 403 403 403 403
            POST   /keys/{keyOwn}/revoke              |                                                    | 200 200 200 200 403 403 403
            POST   /keys/{keyT}/revoke                |                                                    | 200 200 200 404 403 403 403
            POST   /keys/{keyY}/revoke                |                                                    | 200 404 404 404 403 403 403
            POST   /keys/{keyOwn}/rotate              |                                                    | 201 201 201 201 403 403 403
            POST   /keys/{keyY}/rotate                |                                                    | 201 404 404 404 403 403 403
            GET    /keys/{keyOwn}/usage               |                                                    | 200 200 200 200 200 200 403
            GET    /keys/{keyY}/usage                 |                                                    | 200 404 404 404 404 404 403
            GET    /spend                             |                                                    | 200 200 200 200 200 200 403
            GET    /keys/{keyOwn}/budget              |                                                    | 200 200 200 200 200 200 403
            GET    /keys/{keyT}/budget                |                                                    | 200 200 200 404 200 200 403
            GET    /keys/{keyY}/budget                |                                                    | 200 404 404 404 404 404 403
            GET    /users/{self}/budget               |                                                    | 200 200 200 200 200 200 403
            GET    /users/{userX}/budget              |                                                    | 200 200 404 404 200 404 403
            GET    /users/{userY}/budget              |                                                    | 200 404 404 404 404 404 403
            GET    /teams/{T}/budget                  |                                                    | 200 200 200 200 200 200 403
            GET    /teams/{teamY}/budget              |                                                    | 200 404 404 404 404 404 403
            GET    /orgs/{X}/budget                   |                                                    | 200 200 403 403 200 404 403
            GET    /orgs/{Y}/budget                   |                                                    | 200 404 403 403 404 404 403
            POST   /keys/{keyOwn}/budget/reset        |                                                    | 200 200 200 403 403 403 403
            POST   /keys/{keyT}/budget/reset          |                                                    | 200 200 200 403 403 403 403
            POST   /keys/{keyX}/budget/reset          |                                                    | 200 200 404 403 403 403 403
            POST   /keys/{keyY}/budget/reset          |                                                    | 200 404 404 403 403 403 403
            POST   /users/{userT}/budget/reset        |                                                    | 200 200 403 403 403 403 403
            POST   /users/{userY}/budget/reset        |                                                    | 200 404 404 403 403 403 403
            POST   /teams/{T}/budget/reset            |                                                    | 200 200 200 403 403 403 403
            POST   /teams/{teamY}/budget/reset        |                                                    | 409 404 404 403 403 403 403
            POST   /orgs/{X}/budget/reset             |                                                    | 200 200 404 403 403 403 403
            POST   /orgs/{Y}/budget/reset             |                                                    | 200 404 404 403 403 403 403
            POST   /deployments                       | {"name":"{name}","provider":"echo"}                | 201 403 403 403 403 403 403
            GET    /deployments                       |                                                    | 200 200 403 403 403 403 403
            GET    /deployments/{dep}                 |                                                    | 200 200 403 403 403 403 403
            GET    /deployments/{cfg}                 |                                                    | 200 200 403 403 403 403 403
            PUT    /deployments/{dep}                 | {"provider":"echo","models":[{"name":"{name}"}]}   | 200 403 403 403 403 403 403
            PUT    /deployments/{cfg}                 | {"provider":"echo"}                                | 409 403 403 403 403 403 403
            DELETE /deployments/{dep}                 |                                                    | 200 403 403 403 403 403 403
            DELETE /deployments/{cfg}                 |                                                    | 409 403 403 403 403 403 403
            POST   /prices                            | {"model":"{name}","input":1,"output":"2.5"}        | 201 403 403 403 403 403 403
            GET    /prices                            |                                                    | 200 200 403 403 403 403 403
            GET    /prices/effective?deployment={cfg}&model=m |                                          | 200 200 403 403 403 403 403
            GET    /prices/{price}                    |                                                    | 200 200 403 403 403 403 403
            PATCH  /prices/{price}                    | {"note":"n"}                                       | 200 403 403 403 403 403 403
            DELETE /prices/{price}                    |                                                    | 200 403 403 403 403 403 403
            """;

    /** The fixed organizations and team, and fresh keys and users, have a budget to read and reset. */
    private static final String BUDGET = "\"limits\": {\"budget_usd\": 100, \"budget_window\": \"daily\"}";

    private record Row(String method, String path, String body, List<Integer> expected) {}

    private static List<Row> rows() {
        var rows = new ArrayList<Row>();
        for (var line : EXPECTED.strip().lines().toList()) {
            var parts = line.split("\\|");
            var request = parts[0].strip().split("\\s+");
            var expected = java.util.Arrays.stream(parts[2].strip().split("\\s+")).map(Integer::valueOf).toList();
            assertThat(expected).as(line).hasSize(CALLERS.size());
            rows.add(new Row(request[0], request[1], parts[1].strip(), expected));
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyRoleAgainstEveryOperation(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.openQuiet(kind)) {
            var world = new World(admin);
            var failures = new ArrayList<String>();
            for (var row : rows()) {
                for (int i = 0; i < CALLERS.size(); i++) {
                    var caller = CALLERS.get(i);
                    var cell = world.cell(caller);
                    var path = cell.fill(row.path());
                    var body = row.body().equals("csv") ? "email,alias\n" + cell.fill("{email}") + ","
                            + cell.fill("{name}") + "\n" : cell.fill(row.body());
                    var response = admin.api().handle(world.principals.get(caller), new AdminRequest(row.method(),
                            "/admin/v1" + path.split("\\?")[0], AdminFixture.query(path), AdminFixture.bytes(body),
                            body.isEmpty() ? null
                                    : row.body().equals("csv") ? "text/csv" : "application/json"));
                    if (response.status() != row.expected().get(i)) {
                        failures.add(caller + " " + row.method() + " " + row.path() + " " + row.body() + ": expected "
                                + row.expected().get(i) + ", got " + response.status() + " " + response.text());
                    }
                    if (response.status() == 403) {
                        assertThat(AdminFixture.json(response).get("error").get("type").asText())
                                .isEqualTo("permission_error");
                    }
                }
            }
            assertThat(failures).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theTableCoversEveryRoute(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.openQuiet(kind)) {
            var templates = Pattern.compile("\\{[A-Za-z]+\\}");
            var covered = rows().stream().map(row -> row.method() + " " + templates.matcher(
                    row.path().split("\\?")[0]).replaceAll("{}")).collect(Collectors.toCollection(TreeSet::new));
            var routes = admin.api().routeNames().stream().filter(name -> !name.endsWith("/openapi.json"))
                    .map(name -> templates.matcher(name.replace("/admin/v1", "").replace("{user_id}", "{}"))
                            .replaceAll("{}"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(covered).isEqualTo(routes);
        }
    }

    /** The fixed organizations, team and callers, and the fresh objects each cell asks for. */
    private static final class World {
        private final AdminFixture admin;
        final Map<String, Principal> principals = new LinkedHashMap<>();
        final Map<String, String> userIds = new HashMap<>();
        final String x;
        final String y;
        final String t;
        private int counter;

        World(AdminFixture admin) {
            this.admin = admin;
            x = admin.ok("POST", "/orgs", "{\"name\": \"x\", " + BUDGET + "}").get("id").asText();
            y = admin.ok("POST", "/orgs", "{\"name\": \"y\", " + BUDGET + "}").get("id").asText();
            t = admin.ok("POST", "/teams", "{\"org_id\": \"" + x + "\", \"name\": \"t\", " + BUDGET + "}")
                    .get("id").asText();
            var roles = Map.of("admin", "{\"role\": \"admin\"}", "org-admin", "{\"role\": \"org-admin\", \"org\": \""
                    + x + "\"}", "team-admin", "{\"role\": \"team-admin\", \"team\": \"" + t + "\"}", "member",
                    "{\"role\": \"member\", \"team\": \"" + t + "\"}", "viewer-org", "{\"role\": \"viewer\", \"org\": \""
                    + x + "\"}", "viewer-team", "{\"role\": \"viewer\", \"team\": \"" + t + "\"}", "none", "");
            var secrets = new HashMap<String, String>();
            for (var caller : CALLERS) {
                var userId = admin.ok("POST", "/users", "{\"email\": \"" + caller + "@example.com\", \"org_id\": \""
                        + x + "\", \"team_ids\": [\"" + t + "\"], \"roles\": [" + roles.get(caller) + "]}")
                        .get("id").asText();
                userIds.put(caller, userId);
                secrets.put(caller, admin.ok("POST", "/keys", "{\"user_id\": \"" + userId + "\", \"team_id\": \"" + t
                        + "\"}").get("key").asText());
            }
            admin.refresh();
            for (var caller : CALLERS) {
                principals.put(caller, admin.principal(secrets.get(caller)));
            }
        }

        Cell cell(String caller) {
            return new Cell(caller);
        }

        private String fresh() {
            return "f" + (counter++);
        }

        private String id(String method, String path, String body) {
            return admin.ok(method, path, body).get("id").asText();
        }

        /** One cell's placeholders; each fresh object is made once per cell. */
        final class Cell {
            private final String caller;
            private final Map<String, String> made = new HashMap<>();

            Cell(String caller) {
                this.caller = caller;
            }

            String fill(String template) {
                var out = template;
                for (var name : List.of("X", "Y", "T", "self", "name", "email", "Z", "teamX", "teamY", "userInTeamY",
                        "userT", "userX", "userY", "keyOwn", "keyT", "keyX", "keyY", "tier", "dep", "cfg", "price")) {
                    if (out.contains("{" + name + "}")) {
                        out = out.replace("{" + name + "}", value(name));
                    }
                }
                return out;
            }

            private String value(String name) {
                var known = made.get(name);
                if (known != null) {
                    return known;
                }
                var value = switch (name) {
                    case "X" -> x;
                    case "Y" -> y;
                    case "T" -> t;
                    case "self" -> userIds.get(caller);
                    case "name" -> fresh();
                    case "email" -> fresh() + "@example.com";
                    case "Z" -> id("POST", "/orgs", "{\"name\": \"" + fresh() + "\"}");
                    case "teamX" -> id("POST", "/teams", "{\"org_id\": \"" + x + "\", \"name\": \"" + fresh() + "\"}");
                    case "teamY" -> id("POST", "/teams", "{\"org_id\": \"" + y + "\", \"name\": \"" + fresh() + "\"}");
                    case "userInTeamY" -> user(y, value("teamY"));
                    case "userT" -> user(x, t);
                    case "userX" -> user(x, null);
                    case "userY" -> user(y, null);
                    case "keyOwn" -> id("POST", "/keys", "{\"user_id\": \"" + value("self") + "\", \"team_id\": \"" + t
                            + "\", " + BUDGET + "}");
                    case "keyT" -> id("POST", "/keys", "{\"team_id\": \"" + t + "\", " + BUDGET + "}");
                    case "keyX" -> id("POST", "/keys", "{\"org_id\": \"" + x + "\", " + BUDGET + "}");
                    case "keyY" -> id("POST", "/keys", "{\"org_id\": \"" + y + "\", " + BUDGET + "}");
                    case "tier" -> id("POST", "/tiers", "{\"name\": \"" + fresh() + "\"}");
                    case "dep" -> admin.ok("POST", "/deployments", "{\"name\": \"" + fresh()
                            + "\", \"provider\": \"echo\"}").get("name").asText();
                    case "cfg" -> AdminFixture.CONFIGURED_DEPLOYMENT;
                    case "price" -> id("POST", "/prices", "{\"model\": \"" + fresh() + "\", \"input\": 1,"
                            + " \"output\": 2}");
                    default -> throw new IllegalArgumentException(name);
                };
                made.put(name, value);
                return value;
            }

            private String user(String org, @org.jspecify.annotations.Nullable String team) {
                return id("POST", "/users", "{\"email\": \"" + fresh() + "@example.com\", \"org_id\": \"" + org
                        + "\"" + (team == null ? "" : ", \"team_ids\": [\"" + team + "\"]") + ", " + BUDGET + "}");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void deploymentsAreForAdminsToChangeAndForOrgAdminsToRead() {
        var expected = Map.of(
                Operation.DEPLOYMENT_CREATE, Set.of("admin"), Operation.DEPLOYMENT_UPDATE, Set.of("admin"),
                Operation.DEPLOYMENT_DELETE, Set.of("admin"), Operation.DEPLOYMENT_LIST, Set.of("admin", "org-admin"),
                Operation.DEPLOYMENT_READ, Set.of("admin", "org-admin"));
        expected.forEach((operation, roles) -> {
            var allowed = java.util.Arrays.stream(dev.warden.identity.Role.values())
                    .filter(role -> Permissions.reach(operation, role) != Reach.NONE)
                    .map(dev.warden.identity.Role::wire).collect(Collectors.toSet());
            assertThat(allowed).as(operation.name()).isEqualTo(roles);
        });
    }
}

package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.budget.SpendRecord;
import dev.warden.pipeline.Principal;
import dev.warden.testkit.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code GET /spend}: defaults, grouping, exact money, names, CSV, bad parameters, and who sees what. */
class SpendReportTest {
    /** The fixture's today (2026-11-24) and days around it. */
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static SpendRecord spend(LocalDate day, String key, String user, String team, String org, String model,
            long micros) {
        return new SpendRecord(day, key, user, team, org, model, micros, micros / 100, micros / 1000, 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDefaultReportIsThisMonthByDayWithExactDollarsAndTotals(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            admin.spendStore().add(List.of(spend(TODAY, "k_1", "u_1", "t_1", "o_1", "gpt", 1_234),
                    spend(TODAY, "k_2", "u_1", "t_1", "o_1", "gpt", 1_000_000),
                    spend(LocalDate.parse("2026-11-01"), "k_1", "u_1", "t_1", "o_1", "llama", 7),
                    spend(LocalDate.parse("2026-10-31"), "k_1", "u_1", "t_1", "o_1", "gpt", 999)));
            var report = admin.ok("GET", "/spend", "");
            assertThat(report.get("object").asText()).isEqualTo("spend_report");
            assertThat(report.get("by").asText()).isEqualTo("day");
            assertThat(report.get("from").asText()).isEqualTo("2026-11-01");
            assertThat(report.get("to").asText()).isEqualTo("2026-11-24");
            assertThat(report.get("data")).hasSize(2);
            assertThat(report.at("/data/0/group").asText()).isEqualTo("2026-11-24");
            assertThat(report.at("/data/0/cost_usd").asText()).isEqualTo("1.001234");
            assertThat(report.at("/data/0/requests").asLong()).isEqualTo(2);
            assertThat(report.at("/data/0").has("name")).as("days have no names").isFalse();
            assertThat(report.at("/data/1/cost_usd").asText()).isEqualTo("0.000007");
            assertThat(report.at("/total/cost_usd").asText()).isEqualTo("1.001241");
            assertThat(report.at("/total/prompt_tokens").asLong()).isEqualTo(12 + 10_000);
            assertThat(report.at("/total/completion_tokens").asLong()).isEqualTo(1 + 1_000);

            var october = admin.ok("GET", "/spend?by=model&from=2026-10-01&to=2026-10-31", "");
            assertThat(october.at("/data/0/group").asText()).isEqualTo("gpt");
            assertThat(october.at("/total/cost_usd").asText()).isEqualTo("0.000999");
            // Without 'from', the report starts on the first day of the month of 'to'.
            assertThat(admin.ok("GET", "/spend?to=2026-10-31", "").get("from").asText()).isEqualTo("2026-10-01");
            var filtered = admin.ok("GET", "/spend?by=key&key_id=k_1&model=gpt&user_id=u_1&team_id=t_1&org_id=o_1", "");
            assertThat(filtered.get("data")).hasSize(1);
            assertThat(filtered.at("/data/0/cost_usd").asText()).isEqualTo("0.001234");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void groupsAreNamedAsTheDirectoryKnowsThemAndCsvQuotesWhatNeedsIt(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            var org = admin.ok("POST", "/orgs", "{\"name\": \"Acme, Inc.\"}").get("id").asText();
            var team = admin.ok("POST", "/teams", "{\"org_id\": \"" + org + "\", \"name\": \"ml\"}").get("id").asText();
            var user = admin.ok("POST", "/users", "{\"email\": \"ada@example.com\", \"org_id\": \"" + org + "\"}")
                    .get("id").asText();
            var key = admin.ok("POST", "/keys", "{\"alias\": \"the \\\"main\\\" key\", \"team_id\": \"" + team + "\"}")
                    .get("id").asText();
            admin.spendStore().add(List.of(spend(TODAY, key, user, team, org, "gpt", 2_500),
                    spend(TODAY, "k_gone", "", "", "", "gpt", 500)));

            var byKey = admin.ok("GET", "/spend?by=key", "");
            assertThat(byKey.at("/data/0/group").asText()).isEqualTo(key);
            assertThat(byKey.at("/data/0/name").asText()).isEqualTo("the \"main\" key");
            assertThat(byKey.at("/data/1/name").isNull()).as("a deleted key has no name").isTrue();
            assertThat(admin.ok("GET", "/spend?by=user", "").at("/data/0/name").asText()).isEqualTo("ada@example.com");
            assertThat(admin.ok("GET", "/spend?by=team", "").at("/data/0/name").asText()).isEqualTo("ml");
            assertThat(admin.ok("GET", "/spend?by=org", "").at("/data/0/name").asText()).isEqualTo("Acme, Inc.");

            var csv = admin.master("GET", "/spend?by=org&format=csv", "");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
            assertThat(csv.headers().get("Content-Disposition")).contains("spend-org-2026-11-01-2026-11-24.csv");
            assertThat(csv.text()).isEqualTo("group,name,cost_usd,prompt_tokens,completion_tokens,requests\r\n"
                    + org + ",\"Acme, Inc.\",0.002500,25,2,1\r\n"
                    + ",,0.000500,5,0,1\r\n");
            var byKeyCsv = admin.api().handle(Principal.MASTER, new AdminRequest("GET", "/admin/v1/spend",
                    Map.of("by", "key"), new byte[0], null, "text/csv, application/json;q=0.5"));
            assertThat(byKeyCsv.text()).contains("\"the \"\"main\"\" key\"");
            var byModel = admin.master("GET", "/spend?by=model&format=csv", "");
            assertThat(byModel.text()).startsWith("group,cost_usd,prompt_tokens,completion_tokens,requests\r\ngpt,")
                    .doesNotContain("name");
            var json = admin.api().handle(Principal.MASTER, new AdminRequest("GET", "/admin/v1/spend",
                    Map.of("format", "json"), new byte[0], null, "text/csv"));
            assertThat(json.contentType()).isEqualTo("application/json");
        }
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenRfc4180NeedsIt() {
        assertThat(CsvText.field("plain")).isEqualTo("plain");
        assertThat(CsvText.field("")).isEqualTo("");
        assertThat(CsvText.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvText.field("=HYPERLINK(\"http://x\")")).as("a formula is defused")
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvText.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvText.field("0.001234")).isEqualTo("0.001234");
        assertThat(CsvText.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvText.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvText.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(new CsvText().row(List.of("a", "b,c")).row(List.of("", "d")).toString())
                .isEqualTo("a,\"b,c\"\r\n,d\r\n");
    }

    @Test
    void badParametersAreNamed() {
        try (var admin = AdminFixture.open(TestDatabase.Kind.SQLITE)) {
            expect(admin, "/spend?by=week", "by", "Unknown 'by' value 'week'. Use one of: key, user, team, org,"
                    + " model, day.");
            expect(admin, "/spend?from=2026-13-01", "from", "YYYY-MM-DD");
            expect(admin, "/spend?to=yesterday", "to", "YYYY-MM-DD");
            expect(admin, "/spend?from=2026-11-10&to=2026-11-09", "to", "before 'from'");
            expect(admin, "/spend?from=2025-11-23&to=2026-11-24", "from", "at most 366 days");
            expect(admin, "/spend?format=xml", "format", "json or csv");
            // 366 days exactly is allowed.
            assertThat(admin.master("GET", "/spend?from=2025-11-24&to=2026-11-24", "").status()).isEqualTo(200);
        }
    }

    private static void expect(AdminFixture admin, String path, String param, String message) {
        var response = admin.master("GET", path, "");
        assertThat(response.status()).as(path).isEqualTo(400);
        var error = AdminFixture.json(response).get("error");
        assertThat(error.get("param").asText()).as(path).isEqualTo(param);
        assertThat(error.get("message").asText()).as(path).contains(message);
    }

    /**
     * Who sees which spend, in the permission matrix's style: org X has teams T and T2, org Y team U; spend rows
     * belong to the member's own key (in T), another user's key in T, a key of T2, an org-level key of X and a key
     * in Y. Each caller lists the keys whose spend it sees, unfiltered and with filters beyond its reach.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachRoleSeesOnlyTheSpendWithinItsReach(TestDatabase.Kind kind) {
        // caller          | unfiltered                  | org_id=Y | team_id=T2 | user_id=self
        var expected = """
                admin          | kSelf kT kT2 kX kY          | kY       | kT2        | kSelf
                org-admin      | kSelf kT kT2 kX             | -        | kT2        | kSelf
                team-admin     | kSelf kT                    | -        | -          | kSelf
                two-teams      | kSelf kT kT2                | -        | kT2        | kSelf
                member         | kSelf                       | -        | -          | kSelf
                viewer-org     | kSelf kT kT2 kX             | -        | kT2        | kSelf
                viewer-team    | kSelf kT                    | -        | -          | kSelf
                """;
        try (var admin = AdminFixture.open(kind)) {
            var x = admin.ok("POST", "/orgs", "{\"name\": \"x\"}").get("id").asText();
            var y = admin.ok("POST", "/orgs", "{\"name\": \"y\"}").get("id").asText();
            var t = team(admin, x, "t");
            var t2 = team(admin, x, "t2");
            var u = team(admin, y, "u");
            var roles = new LinkedHashMap<String, String>();
            roles.put("admin", "{\"role\": \"admin\"}");
            roles.put("org-admin", "{\"role\": \"org-admin\", \"org\": \"" + x + "\"}");
            roles.put("team-admin", "{\"role\": \"team-admin\", \"team\": \"" + t + "\"}");
            roles.put("two-teams", "{\"role\": \"team-admin\", \"team\": \"" + t + "\"}, {\"role\": \"team-admin\","
                    + " \"team\": \"" + t2 + "\"}");
            roles.put("member", "{\"role\": \"member\", \"team\": \"" + t + "\"}");
            roles.put("viewer-org", "{\"role\": \"viewer\", \"org\": \"" + x + "\"}");
            roles.put("viewer-team", "{\"role\": \"viewer\", \"team\": \"" + t + "\"}");
            roles.put("none", "");
            var callers = new LinkedHashMap<String, Principal>();
            var self = new LinkedHashMap<String, String>();
            var secrets = new LinkedHashMap<String, String>();
            roles.forEach((caller, role) -> {
                var user = admin.ok("POST", "/users", "{\"email\": \"" + caller + "@example.com\", \"org_id\": \"" + x
                        + "\", \"team_ids\": [\"" + t + "\"], \"roles\": [" + role + "]}").get("id").asText();
                self.put(caller, user);
                secrets.put(caller, admin.ok("POST", "/keys", "{\"user_id\": \"" + user + "\"}").get("key").asText());
            });
            admin.refresh();
            secrets.forEach((caller, secret) -> callers.put(caller, admin.principal(secret)));

            var failures = new ArrayList<String>();
            for (var line : expected.strip().lines().toList()) {
                var cells = line.split("\\|");
                var caller = cells[0].strip();
                var me = self.get(caller);
                admin.spendStore().add(List.of(spend(TODAY, "kSelf-" + caller, me, t, x, "gpt", 1),
                        spend(TODAY, "kT-" + caller, "u_other", t, x, "gpt", 1),
                        spend(TODAY, "kT2-" + caller, "", t2, x, "gpt", 1),
                        spend(TODAY, "kX-" + caller, "", "", x, "gpt", 1),
                        spend(TODAY, "kY-" + caller, "", u, y, "gpt", 1)));
                var queries = List.of("", "&org_id=" + y, "&team_id=" + t2, "&user_id=" + me);
                for (int i = 0; i < queries.size(); i++) {
                    var want = cells[i + 1].strip().equals("-") ? Set.<String>of()
                            : Set.of(cells[i + 1].strip().split("\\s+"));
                    var got = keys(admin, callers.get(caller), "/spend?by=key" + queries.get(i), caller);
                    if (!got.equals(new TreeSet<>(want))) {
                        failures.add(caller + " " + queries.get(i) + ": expected " + new TreeSet<>(want) + ", got "
                                + got);
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(admin.call(callers.get("none"), "GET", "/spend").status()).isEqualTo(403);
        }
    }

    private static String team(AdminFixture admin, String org, String name) {
        return admin.ok("POST", "/teams", "{\"org_id\": \"" + org + "\", \"name\": \"" + name + "\"}").get("id")
                .asText();
    }

    /** The keys of this caller's rows (each caller's rows are suffixed with its name) in the report. */
    private static TreeSet<String> keys(AdminFixture admin, Principal caller, String path, String suffix) {
        var response = admin.call(caller, "GET", path);
        assertThat(response.status()).as(path).isEqualTo(200);
        var keys = new TreeSet<String>();
        for (JsonNode row : AdminFixture.json(response).get("data")) {
            var group = row.get("group").asText();
            if (group.endsWith("-" + suffix)) {
                keys.add(group.substring(0, group.length() - suffix.length() - 1));
            }
        }
        return keys;
    }
}

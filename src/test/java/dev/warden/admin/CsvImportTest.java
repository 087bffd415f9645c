package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.pipeline.Principal;
import dev.warden.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bulk onboarding from CSV: good rows land, bad rows are reported with the column at fault, dry runs keep nothing. */
class CsvImportTest {
    private static final String FILE = """
            email,tier,alias,budget,rpm\r
            ada@example.com,standard,ada-laptop,25.50,60\r
            bob@example.com,,bob-ci,,\r
            ada@example.com,gold,ada-desk,10,\r
            not-an-email,standard,x1,1,1\r
            cy@example.com,platinum,cy-1,1,1\r
            di@example.com,standard,ada-laptop,1,1\r
            ed@example.com,standard,ed-1,lots,1\r
            fay@example.com,standard,fay-1,1,1.5\r
            gus@example.com,standard\r
            "hal@example.com",standard,"hal, the second",2,"3"\r
            \r
            taken@example.com,standard,already-taken,1,1\r
            ivy@example.com,standard,ivy-1,1,99999999999\r
            """;

    private static AdminResponse upload(AdminFixture admin, String csv, boolean dryRun) {
        return admin.api().handle(Principal.MASTER, new AdminRequest("POST", "/admin/v1/users/import",
                dryRun ? Map.of("dry_run", "true") : Map.of(), AdminFixture.bytes(csv), "text/csv"));
    }

    private static void prepare(AdminFixture admin) {
        admin.ok("POST", "/tiers", "{\"name\": \"standard\", \"models\": [\"echo\"]}");
        admin.ok("POST", "/tiers", "{\"name\": \"gold\"}");
        admin.ok("POST", "/keys", "{\"alias\": \"already-taken\"}");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void goodRowsLandAndBadRowsAreReported(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            prepare(admin);
            var response = upload(admin, FILE, false);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            var report = AdminFixture.json(response);
            var rows = report.get("rows");
            assertThat(rows).hasSize(12);
            expectCreated(rows.get(0), 2, "ada@example.com");
            expectCreated(rows.get(1), 3, "bob@example.com");
            expectCreated(rows.get(2), 4, "ada@example.com");
            assertThat(rows.get(2).get("user_id")).as("the same user as row 2").isEqualTo(rows.get(0).get("user_id"));
            expectError(rows.get(3), 5, "email", "not a valid email");
            expectError(rows.get(4), 6, "tier", "No tier 'platinum'");
            expectError(rows.get(5), 7, "alias", "appears on an earlier row");
            expectError(rows.get(6), 8, "budget", "not a number");
            expectError(rows.get(7), 9, "rpm", "not a whole number");
            expectError(rows.get(8), 10, null, "expected 5 fields, found 2");
            expectCreated(rows.get(9), 11, "hal@example.com");
            expectError(rows.get(10), 13, "alias", "alias 'already-taken' already exists");
            expectError(rows.get(11), 14, "rpm", "at most 2147483647");
            assertThat(report.get("created").asInt()).isEqualTo(4);
            assertThat(report.get("errors").asInt()).isEqualTo(8);

            var key = admin.ok("GET", "/keys/" + rows.get(0).get("key_id").asText(), "");
            assertThat(key.get("alias").asText()).isEqualTo("ada-laptop");
            assertThat(key.get("limits").get("budget_usd").decimalValue()).isEqualByComparingTo("25.50");
            assertThat(key.get("limits").get("budget_window").asText()).isEqualTo("monthly");
            assertThat(key.get("limits").get("rpm").asLong()).isEqualTo(60);
            assertThat(admin.principal(rows.get(0).get("key").asText()).id()).isEqualTo(key.get("id").asText());
            assertThat(admin.principal(rows.get(0).get("key").asText()).access().allowsModel("gpt-4o"))
                    .as("the tier's models bind the key").isFalse();
            var hal = admin.ok("GET", "/keys/" + rows.get(9).get("key_id").asText(), "");
            assertThat(hal.get("alias").asText()).isEqualTo("hal, the second");
            assertThat(admin.ok("GET", "/users", "").get("data")).extracting(u -> u.get("email").asText())
                    .containsExactly("ada@example.com", "bob@example.com", "hal@example.com");

            var again = AdminFixture.json(upload(admin, FILE, false));
            assertThat(again.get("created").asInt()).as("importing again creates nothing twice").isZero();
            assertThat(again.get("skipped").asInt()).isEqualTo(4);
            assertThat(again.get("rows").get(0).get("status").asText()).isEqualTo("skipped");
            assertThat(again.get("rows").get(0).has("key")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDryRunChecksEveryRowAndKeepsNothing(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            prepare(admin);
            var report = AdminFixture.json(upload(admin, FILE, true));
            assertThat(report.get("dry_run").asBoolean()).isTrue();
            assertThat(report.get("created").asInt()).isEqualTo(4);
            assertThat(report.get("errors").asInt()).isEqualTo(8);
            expectError(report.get("rows").get(10), 13, "alias", "already exists");
            assertThat(report.get("rows").get(0).has("key")).as("no secrets in a dry run").isFalse();
            assertThat(admin.ok("GET", "/users", "").get("data")).isEmpty();
            assertThat(admin.ok("GET", "/keys", "").get("data")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFileWithoutItsHeaderIsRefusedWhole(TestDatabase.Kind kind) {
        try (var admin = AdminFixture.open(kind)) {
            AdminBadInputTest.expect(upload(admin, "ada@example.com,standard,a,1,1\n", false), 400,
                    "ada@example.com", "header row is required");
            AdminBadInputTest.expect(upload(admin, "", false), 400, null, "empty");
            AdminBadInputTest.expect(upload(admin, "tier,alias\n", false), 400, "email", "must name the email");
            AdminBadInputTest.expect(upload(admin, "email,email\n", false), 400, "email", "twice");
            assertThat(upload(admin, "email\n\"ada@example.com\n", false).text()).contains("not closed");
        }
    }

    private static void expectCreated(JsonNode row, int line, String email) {
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("created");
        assertThat(row.get("row").asInt()).isEqualTo(line);
        assertThat(row.get("email").asText()).isEqualTo(email);
        assertThat(row.get("key").asText()).startsWith("wk-");
        assertThat(row.get("key_id").asText()).startsWith("key_");
        assertThat(row.get("user_id").asText()).startsWith("usr_");
    }

    private static void expectError(JsonNode row, int line, String field, String message) {
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("error");
        assertThat(row.get("row").asInt()).isEqualTo(line);
        assertThat(row.get("error").get("message").asText()).contains(message);
        if (field == null) {
            assertThat(row.get("error").get("field").isNull()).isTrue();
        } else {
            assertThat(row.get("error").get("field").asText()).isEqualTo(field);
        }
        assertThat(row.has("key")).isFalse();
    }
}

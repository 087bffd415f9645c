package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.RunningGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin commands of the CLI against a running Warden: what an operator types, and what they see. */
class AdminCommandsTest {
    private static RunningGateway gateway;
    private static Map<String, String> env;
    @TempDir
    Path dir;


    @BeforeAll
    static void start() {
        gateway = RunningGateway.start("""
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                """, Map.of());
        env = Map.of("WARDEN_URL", "http://127.0.0.1:" + gateway.port(), "WARDEN_MASTER_KEY",
                RunningGateway.MASTER_KEY);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static CliRun run(Map<String, String> environment, String... args) {
        return CliRun.of(environment, args);
    }

    private static String id(String output, String prefix) {
        var matcher = Pattern.compile(prefix + "_[A-Za-z0-9]+").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group();
    }

    @Test
    void anOperatorBuildsAnOrgATeamAUserAndAKeyThenRevokesIt() {
        var org = id(run(env, "orgs", "create", "acme").out(), "org");
        var team = id(run(env, "teams", "create", "ml", "--org", org, "--models", "echo").out(), "team");
        var user = id(run(env, "users", "create", "ada@acme.test", "--org", org, "--teams", team).out(), "usr");

        var created = run(env, "keys", "create", "--alias", "ada-cli", "--user", user, "--team", team,
                "--rpm", "60", "--expires-in", "30d");
        assertThat(created.exit()).as(created.err()).isZero();
        var secret = created.out().lines().filter(line -> line.startsWith("wk-")).findFirst().orElseThrow();
        var keyId = id(created.out(), "key");
        var chat = gateway.post("/v1/chat/completions", "{\"model\": \"echo\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"hi\"}]}", "Authorization", "Bearer " + secret, "Content-Type", "application/json");
        assertThat(chat.statusCode()).isEqualTo(200);

        var list = run(env, "keys", "list", "--team", team);
        assertThat(list.out()).contains("ada-cli").contains(keyId).doesNotContain(secret);
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("id ");

        assertThat(run(env, "keys", "revoke", keyId).out()).contains("Revoked key " + keyId);
        var refused = gateway.post("/v1/chat/completions", "{\"model\": \"echo\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"hi\"}]}", "Authorization", "Bearer " + secret, "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyGetsATokenBudgetFromTheCommandLine() {
        var created = run(env, "keys", "create", "--json", "--alias", "tokens-cli", "--token-budget", "250000");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("\"token_budget\" : 250000");
        var negative = run(env, "keys", "create", "--token-budget", "-1");
        assertThat(negative.exit()).isNotZero();
        assertThat(negative.err()).contains("limits.token_budget");
    }

    @Test
    void csvImportPrintsOneLinePerRowAndFailsWhenARowFails() throws Exception {
        var csv = Files.writeString(dir.resolve("people.csv"), """
                email,tier,alias,budget,rpm
                grace@acme.test,,grace-key,10,60
                not-an-email,,bad-key,10,60
                """);
        var imported = run(env, "users", "import", csv.toString());
        assertThat(imported.exit()).isEqualTo(1);
        assertThat(imported.out()).contains("grace@acme.test").contains("created").contains("error");
        assertThat(imported.err()).contains("some rows were not imported");
        var dryRun = run(env, "users", "import", "--dry-run", csv.toString());
        assertThat(dryRun.out()).contains("grace@acme.test");
    }

    @Test
    void aWrongKeyOrNoServerIsOneClearLine() {
        var wrong = run(Map.of("WARDEN_URL", env.get("WARDEN_URL"), "WARDEN_MASTER_KEY", "sk-wrong-key-000000000"),
                "keys", "list");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("warden: Invalid API key.").contains("[HTTP 401]");
        var noServer = run(Map.of("WARDEN_URL", "http://127.0.0.1:1", "WARDEN_MASTER_KEY", "k"), "keys", "list");
        assertThat(noServer.err()).startsWith("warden: cannot connect to Warden at http://127.0.0.1:1");
        var noKey = run(Map.of(), "keys", "list");
        assertThat(noKey.err()).contains("no admin credential");
    }

    @Test
    void anOperatorPricesAModelChangesItAndRemovesIt() {
        var before = run(env, "prices", "show", "--deployment", "echo", "--model", "echo");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("source: catalog");

        var set = run(env, "prices", "set", "--model", "echo", "--deployment", "echo", "--input", "0.15",
                "--output", "0.60", "--cached-input", "0.075", "--cost-tier", "small", "--note", "chargeback");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).startsWith("Created pr_").contains("0.15 in / 0.6 out");
        var id = id(set.out(), "pr");

        var shown = run(env, "prices", "show", "--deployment", "echo", "--model", "echo");
        assertThat(shown.out()).contains("0.15 in / 0.6 out / 0.075 cached").contains("source: override " + id);

        var changed = run(env, "prices", "set", "--model", "echo", "--deployment", "echo", "--output", "1");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out()).startsWith("Changed " + id).contains("0.15 in / 1 out");

        var list = run(env, "prices", "list", "--model", "echo");
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("id ");
        assertThat(list.out()).contains(id).contains("small").contains("chargeback").contains("master");

        assertThat(run(env, "prices", "delete", id).out()).contains("Deleted price override " + id);
        assertThat(run(env, "prices", "list").out()).doesNotContain(id);
        assertThat(run(env, "prices", "show", "--deployment", "echo", "--model", "echo").out())
                .contains("source: catalog");
    }

    @Test
    void badInputIsTheServersMessageNamingTheField() {
        var negative = run(env, "prices", "set", "--model", "m", "--input", "-1", "--output", "1");
        assertThat(negative.exit()).isEqualTo(1);
        assertThat(negative.err()).contains("must not be negative").contains("(field: input)").contains("[HTTP 400]");
        var unknown = run(env, "prices", "set", "--model", "m", "--deployment", "nope", "--input", "1",
                "--output", "1");
        assertThat(unknown.err()).contains("No deployment 'nope'").contains("(field: deployment)");
        var missing = run(env, "prices", "delete", "pr_missing");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("[HTTP 404]");
    }
}

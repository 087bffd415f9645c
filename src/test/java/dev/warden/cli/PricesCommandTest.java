package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.RunningGateway;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code warden prices} against a running Warden: set, see it applied, change it, show where it comes from, delete. */
class PricesCommandTest {
    private static RunningGateway gateway;
    private static Map<String, String> env;

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

    private static String id(String output) {
        var matcher = Pattern.compile("pr_[a-z0-9]+").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group();
    }

    @Test
    void anOperatorPricesAModelChangesItAndRemovesIt() {
        var before = CliRun.of(env, "prices", "show", "--deployment", "echo", "--model", "echo");
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("source: catalog");

        var set = CliRun.of(env, "prices", "set", "--model", "echo", "--deployment", "echo", "--input", "0.15",
                "--output", "0.60", "--cached-input", "0.075", "--cost-tier", "small", "--note", "chargeback");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).startsWith("Created pr_").contains("0.15 in / 0.6 out");
        var id = id(set.out());

        var shown = CliRun.of(env, "prices", "show", "--deployment", "echo", "--model", "echo");
        assertThat(shown.out()).contains("0.15 in / 0.6 out / 0.075 cached").contains("source: override " + id);

        var changed = CliRun.of(env, "prices", "set", "--model", "echo", "--deployment", "echo", "--output", "1");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out()).startsWith("Changed " + id).contains("0.15 in / 1 out");

        var list = CliRun.of(env, "prices", "list", "--model", "echo");
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("id ");
        assertThat(list.out()).contains(id).contains("small").contains("chargeback").contains("master");

        assertThat(CliRun.of(env, "prices", "delete", id).out()).contains("Deleted price override " + id);
        assertThat(CliRun.of(env, "prices", "list").out()).doesNotContain(id);
        assertThat(CliRun.of(env, "prices", "show", "--deployment", "echo", "--model", "echo").out())
                .contains("source: catalog");
    }

    @Test
    void badInputIsTheServersMessageNamingTheField() {
        var negative = CliRun.of(env, "prices", "set", "--model", "m", "--input", "-1", "--output", "1");
        assertThat(negative.exit()).isEqualTo(1);
        assertThat(negative.err()).contains("must not be negative").contains("(field: input)").contains("[HTTP 400]");
        var unknown = CliRun.of(env, "prices", "set", "--model", "m", "--deployment", "nope", "--input", "1",
                "--output", "1");
        assertThat(unknown.err()).contains("No deployment 'nope'").contains("(field: deployment)");
        var missing = CliRun.of(env, "prices", "delete", "pr_missing");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("[HTTP 404]");
    }
}

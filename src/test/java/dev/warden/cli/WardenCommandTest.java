package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WardenCommandTest {
    @TempDir
    Path dir;


    private static CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(env, args);
    }

    @Test
    void checkConfigAcceptsEveryShippedExample() throws Exception {
        var env = Map.of("WARDEN_MASTER_KEY", "sk-warden-example-key-123", "OPENAI_API_KEY", "sk-x",
                "AZURE_OPENAI_API_KEY", "k", "AZURE_OPENAI_ENDPOINT",
                "https://example.openai.azure.com", "GROQ_API_KEY", "g", "MISTRAL_API_KEY", "m");
        try (var examples = Files.list(Path.of("examples"))) {
            for (var example : examples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                var result = run(env, "check-config", example.toString());
                assertThat(result.exit()).as(example + ": " + result.err()).isZero();
                assertThat(result.out()).contains("OK");
            }
        }
    }

    @Test
    void checkConfigReportsEveryProblemWithFileLineAndPathAndFails() throws Exception {
        var file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                server:
                  port: eighty
                deployments:
                  - name: a
                    provider: openai-compatible
                    base_url: ftp://nope
                    timeout: 5s
                """);
        var result = run(Map.of(), "check-config", file.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("bad.yaml:2").contains("server.port")
                .contains("bad.yaml:6").contains("deployments[0].base_url")
                .contains("bad.yaml:7").contains("timeouts");
    }

    @Test
    void versionPrintsAVersion() {
        var result = run(Map.of(), "version");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("warden ");
    }

    @Test
    void anUnknownCommandIsAUsageErrorNotACrash() {
        var result = run(Map.of(), "frobnicate");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }

    @Test
    void serveReportsAnUnusableDatabaseInOneLineWithoutAStackTrace() throws Exception {
        var blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        var config = Files.writeString(dir.resolve("warden.yaml"), """
                server: {host: 127.0.0.1, port: 0}
                auth: {master_key: sk-warden-test-key-0000}
                database: {url: "jdbc:sqlite:%s/warden.db"}
                secrets: {key: dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch}
                deployments: [{name: echo, provider: echo}]
                """.formatted(blocker));
        var result = run(Map.of(), "serve", "--config", config.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("warden: cannot start: ").doesNotContain("\tat ");
    }
}

package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of mistake names the key path and the line it is on. */
class ValidationTest {

    @Test
    void unknownKeySuggestsTheClosestKey() {
        var error = failure("""
                deployments:
                  - name: local
                    provider: openai-compatible
                    base_url: http://127.0.0.1:8000/v1
                    timeout:
                      connect: 5s
                """);
        assertThat(error.problems()).containsExactly(new ConfigProblem("deployments[0].timeout", 5,
                "unknown key 'timeout'; did you mean 'timeouts'?"));
    }

    @Test
    void unknownKeyWithoutACloseMatchListsTheValidKeys() {
        var error = failure("""
                server:
                  colour: blue
                """ + ECHO);
        assertThat(error.problems()).containsExactly(new ConfigProblem("server.colour", 2,
                "unknown key 'colour'; valid: host, port, max_body_size, shutdown_grace"));
    }

    @Test
    void allProblemsAreCollectedInOnePassAndOrderedByLine() {
        var error = failure("""
                server:
                  prot: 8080
                  shutdown_grace: soon
                deployments:
                  - name: openai
                    provider: openia
                  - name: azure
                    provider: azure
                    api_key: k
                    base_url: https://r.openai.azure.com
                models:
                  - name: gpt-4o
                    deployment: opneai
                routing:
                  allow_direct: maybe
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("server.prot", 2, "unknown key 'prot'; did you mean 'port'?"),
                new ConfigProblem("server.shutdown_grace", 3,
                        "expected a duration like 30s, 500ms or 2m, got \"soon\""),
                new ConfigProblem("deployments[0].provider", 6, "unknown provider 'openia'; did you mean 'openai'? "
                        + "(valid: openai, azure, openai-compatible, echo, anthropic, bedrock, gemini, vertex, ollama)"),
                new ConfigProblem("deployments[1].api_version", 7, "missing required key 'api_version'"),
                new ConfigProblem("models[0].deployment", 13, "unknown deployment 'opneai'; did you mean 'openai'?"),
                new ConfigProblem("routing.allow_direct", 15, "expected true or false, got \"maybe\""));
        assertThat(error.getMessage().lines()).hasSize(6)
                .first().isEqualTo("test.yaml:2: server.prot: unknown key 'prot'; did you mean 'port'?");
    }

    @Test
    void duplicateDeploymentAndModelNames() {
        var error = failure("""
                deployments:
                  - name: echo
                    provider: echo
                  - name: other
                    provider: echo
                  - name: echo
                    provider: echo
                models:
                  - name: demo
                    deployment: echo
                  - name: demo
                    deployment: other
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("deployments[2].name", 6, "duplicate deployment name 'echo' (first on line 2)"),
                new ConfigProblem("models[1].name", 11, "duplicate model name 'demo' (first on line 9)"));
    }

    @Test
    void undefinedDeploymentInTargets() {
        var error = failure("""
                deployments:
                  - name: vllm-a
                    provider: openai-compatible
                    base_url: http://a:8000/v1
                models:
                  - name: llama
                    targets:
                      - deployment: vllm-a
                        model: llama
                      - deployment: sglang
                        model: llama
                """);
        assertThat(error.problems()).containsExactly(new ConfigProblem("models[0].targets[1].deployment", 10,
                "unknown deployment 'sglang'; valid: vllm-a"));
    }

    @Test
    void missingRequiredKeysPointAtTheItem() {
        var error = failure("""
                deployments:
                  - provider: echo
                  - name: x
                models:
                  - description: nameless
                    deployment: x
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("deployments[0].name", 2, "missing required key 'name'"),
                new ConfigProblem("deployments[1].provider", 3, "missing required key 'provider'"),
                new ConfigProblem("models[0].name", 5, "missing required key 'name'"));
    }

    @Test
    void wrongTypes() {
        var error = failure("""
                server: 8080
                deployments:
                  - name: [a, b]
                    provider: echo
                  - name: local
                    provider: openai-compatible
                    base_url: http://127.0.0.1:8000/v1
                    headers: [X-A]
                models: {name: echo}
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("server", 1, "expected a mapping (key: value), got \"8080\""),
                new ConfigProblem("deployments[0].name", 3, "expected a single value, got a list"),
                new ConfigProblem("deployments[1].headers", 8, "expected a mapping (key: value), got a list"),
                new ConfigProblem("models", 9, "expected a list, got a mapping"));
    }

    @Test
    void providerSpecificRules() {
        var error = failure("""
                deployments:
                  - name: openai
                    provider: openai
                  - name: compat
                    provider: openai-compatible
                    api_version: "2024-10-21"
                  - name: echo
                    provider: echo
                    base_url: http://localhost
                    api_key: nope
                    dialect: vllm
                  - name: bad-url
                    provider: openai-compatible
                    base_url: ftp://files.example.com
                  - name: no/slash
                    provider: echo
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("deployments[0].api_key", 2, "provider openai needs an api_key (missing or empty)"),
                new ConfigProblem("deployments[1].base_url", 4,
                        "provider openai-compatible needs a base_url, like https://api.example.com/v1"),
                new ConfigProblem("deployments[1].api_version", 6, "api_version applies only to provider azure"),
                new ConfigProblem("deployments[2].base_url", 9,
                        "echo deployments take no base_url (they answer in-process)"),
                new ConfigProblem("deployments[2].api_key", 10, "echo deployments take no api_key"),
                new ConfigProblem("deployments[2].dialect", 11,
                        "echo deployments take no dialect (dialect tables are for OpenAI-compatible upstreams)"),
                new ConfigProblem("deployments[3].base_url", 14, "expected an http(s) URL with a host, like "
                        + "https://api.example.com/v1, got \"ftp://files.example.com\""),
                new ConfigProblem("deployments[4].name", 15, "a deployment name uses letters, digits, '.', '_' "
                        + "and '-' (no '/', which separates deployment and model in direct requests), got "
                        + "\"no/slash\""));
    }

    @Test
    void modelTargetShapes() {
        var error = failure(ECHO + """
                models:
                  - name: both
                    deployment: echo
                    targets: [{deployment: echo}]
                  - name: neither
                  - name: empty
                    targets: []
                  - name: typo
                    targets:
                      - deployment: echo
                        modle: x
                  - name: twice
                    targets:
                      - {deployment: echo, model: m}
                      - {deployment: echo, model: m}
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("models[0].targets", 7, "use either targets or deployment/model on the model, "
                        + "not both"),
                new ConfigProblem("models[1]", 8, "model 'neither' needs a deployment (and model), or a list of "
                        + "targets"),
                new ConfigProblem("models[2].targets", 10, "needs at least one target"),
                new ConfigProblem("models[3].targets[0].modle", 14, "unknown key 'modle'; did you mean 'model'?"),
                new ConfigProblem("models[4].targets[1]", 18, "duplicate target echo/m"));
    }

    @Test
    void modelWithoutUpstreamNameUsesTheAlias() {
        var config = Fixtures.load(ECHO + """
                models:
                  - name: demo
                    targets: [{deployment: echo}]
                """).config();
        assertThat(config.model("demo").orElseThrow().targets()).containsExactly(new TargetConfig("echo", "demo"));
    }

    @Test
    void duplicateYamlKey() {
        var error = failure("""
                server:
                  port: 1
                  port: 2
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("server.port", 3, "duplicate key 'port' (first on line 2)"));
    }

    @Test
    void yamlSyntaxErrorHasALine() {
        var error = failure("""
                server:
                  port: 8080
                 host: x
                """);
        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().getFirst().line()).isEqualTo(3);
        assertThat(error.getMessage()).startsWith("test.yaml:3: invalid YAML: ");
    }

    @Test
    void accessLogRules() {
        var error = failure("""
                access_log:
                  target: stdout
                  file: /var/log/warden.log
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("access_log.file", 3, "file applies only to target: file"));
        var second = failure("""
                access_log:
                  target: disk
                """ + ECHO);
        assertThat(second.problems()).containsExactly(new ConfigProblem("access_log.target", 2,
                "unknown access log target 'disk'; valid: stdout, file, off"));
        var third = failure("""
                access_log: {target: file}
                """ + ECHO);
        assertThat(third.problems()).containsExactly(
                new ConfigProblem("access_log.file", 1, "target file needs a file"));
    }

    @Test
    void fileAloneMeansTargetFile() {
        var log = Fixtures.load("""
                access_log:
                  file: /var/log/warden.log
                """ + ECHO).config().accessLog();
        assertThat(log.target()).isEqualTo(AccessLogConfig.Target.FILE);
        assertThat(log.file()).hasToString("/var/log/warden.log");
    }

    @Test
    void missingFileIsAConfigException() {
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.create(java.util.Map.of()).load(java.nio.file.Path.of("no/such/warden.yaml")));
        assertThat(error.getMessage()).isEqualTo("no/such/warden.yaml: no such file");
    }
}

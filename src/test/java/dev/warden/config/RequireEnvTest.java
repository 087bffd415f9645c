package dev.warden.config;

import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequireEnvTest {

    private static final String YAML = """
            deployments:
              - name: echo
                provider: echo
              - name: openai
                provider: openai
                require_env: OPENAI_API_KEY
                api_key: ${OPENAI_API_KEY}
            models:
              - name: gpt-4o
                deployment: openai
              - name: smart
                targets:
                  - {deployment: openai, model: gpt-4.1}
                  - {deployment: echo, model: echo}
            """;

    @Test
    void unsetVariableSkipsTheDeploymentAndItsOnlyModels() {
        var report = load(YAML);
        assertThat(report.skippedDeployments()).containsExactly("openai");
        assertThat(report.skippedModels()).containsExactly("gpt-4o");
        assertThat(report.config().deployments()).extracting(DeploymentConfig::name).containsExactly("echo");
        assertThat(report.config().model("smart").orElseThrow().targets())
                .containsExactly(new TargetConfig("echo", "echo"));
        assertThat(report.warnings()).containsExactly(
                new ConfigProblem("deployments[1].require_env", 6,
                        "deployment 'openai' skipped: environment variable OPENAI_API_KEY is not set"),
                new ConfigProblem("models[0].name", 9, "model 'gpt-4o' skipped: all its deployments are skipped"));
    }

    @Test
    void emptyVariableCountsAsUnset() {
        assertThat(load(Map.of("OPENAI_API_KEY", ""), YAML).skippedDeployments()).containsExactly("openai");
    }

    @Test
    void setVariableKeepsEverything() {
        var report = load(Map.of("OPENAI_API_KEY", "sk-1"), YAML);
        assertThat(report.skippedDeployments()).isEmpty();
        assertThat(report.config().model("smart").orElseThrow().targets()).hasSize(2);
        assertThat(report.config().deployment("openai").orElseThrow().requireEnv()).isEqualTo("OPENAI_API_KEY");
    }

    @Test
    void skippedDeploymentsAreStillCheckedForMistakes() {
        var error = failure("""
                deployments:
                  - name: groq
                    provider: openai-compatible
                    require_env: GROQ_API_KEY
                    api_key: ${GROQ_API_KEY}
                    base_url: https://api.groq.com/openai/v1
                    timeouts: {frist_byte: 10s}
                """);
        assertThat(error.problems()).containsExactly(new ConfigProblem("deployments[0].timeouts.frist_byte", 7,
                "unknown key 'frist_byte'; did you mean 'first_byte'?"));
    }

    @Test
    void requireEnvMustBeAVariableName() {
        var error = failure("""
                deployments:
                  - name: x
                    provider: echo
                    require_env: $OPENAI_API_KEY
                """);
        assertThat(error.problems()).containsExactly(new ConfigProblem("deployments[0].require_env", 4,
                "expected an environment variable name, got \"$OPENAI_API_KEY\""));
    }
}

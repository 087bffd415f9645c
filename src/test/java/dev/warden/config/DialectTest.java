package dev.warden.config;

import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialectTest {

    private static DialectConfig dialect(Map<String, String> env, String dialectYaml) {
        return load(env, """
                deployments:
                  - name: local
                    provider: openai-compatible
                    base_url: http://127.0.0.1:8000/v1
                """ + dialectYaml.indent(4)).config().deployment("local").orElseThrow().dialect();
    }

    @Test
    void stringIsAPreset() {
        assertThat(dialect(Map.of(), "dialect: sglang")).isEqualTo(DialectConfig.preset("sglang"));
    }

    @Test
    void mappingWithOverridesAndJsonDefaults() {
        var dialect = dialect(Map.of("TEMP", "0.2"), """
                dialect:
                  preset: vllm
                  rename: {max_tokens: max_completion_tokens}
                  drop: [logit_bias, user]
                  defaults:
                    temperature: 0.7
                    top_k: 40
                    tool_choice: "auto"
                    stream: true
                    seed: ~
                    quoted_number: "42"
                    yes_is_a_string: yes
                    interpolated: ${TEMP:-1}
                    stop: ["\\n", "</s>"]
                    kwargs: {enable_thinking: false}
                """);
        assertThat(dialect.preset()).isEqualTo("vllm");
        assertThat(dialect.rename()).containsExactly(entry("max_tokens", "max_completion_tokens"));
        assertThat(dialect.drop()).containsExactly("logit_bias", "user");
        assertThat(dialect.defaults()).containsExactly(
                entry("temperature", "0.7"),
                entry("top_k", "40"),
                entry("tool_choice", "\"auto\""),
                entry("stream", "true"),
                entry("seed", "null"),
                entry("quoted_number", "\"42\""),
                entry("yes_is_a_string", "\"yes\""),
                entry("interpolated", "0.2"),
                entry("stop", "[\"\\n\",\"</s>\"]"),
                entry("kwargs", "{\"enable_thinking\":false}"));
    }

    @Test
    void presetOnlyIsOptionalInAMapping() {
        assertThat(dialect(Map.of(), "dialect: {drop: [n]}"))
                .isEqualTo(new DialectConfig(null, Map.of(), List.of("n"), Map.of()));
    }

    @Test
    void unknownPresetAndConflictsAreReported() {
        var error = failure("""
                deployments:
                  - name: a
                    provider: openai-compatible
                    base_url: http://a/v1
                    dialect: vlm
                  - name: b
                    provider: openai-compatible
                    base_url: http://b/v1
                    dialect:
                      rename: {n: count}
                      drop:
                        - n
                      extra: 1
                """);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("deployments[0].dialect", 5, "unknown dialect preset 'vlm'; did you mean 'vllm'? "
                        + "(valid: openai, vllm, sglang, trtllm, llamacpp, lmstudio, groq, mistral, together, "
                        + "deepseek, openrouter, generic)"),
                new ConfigProblem("deployments[1].dialect.drop[0]", 12, "'n' is both renamed and dropped; keep one"),
                new ConfigProblem("deployments[1].dialect.extra", 13,
                        "unknown key 'extra'; valid: preset, rename, drop, defaults"));
    }
}

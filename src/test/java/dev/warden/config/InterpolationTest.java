package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void variableIsSubstitutedBeforeTypeConversion() {
        var config = load(Map.of("PORT", "9000", "HOST", "10.0.0.1"), """
                server:
                  host: ${HOST}
                  port: ${PORT:-8080}
                """ + ECHO).config();
        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.server().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void defaultIsUsedWhenUnsetOrEmpty() {
        String yaml = """
                server:
                  port: ${PORT:-8081}
                  shutdown_grace: ${GRACE:-5s}
                """ + ECHO;
        assertThat(load(Map.of(), yaml).config().server().port()).isEqualTo(8081);
        assertThat(load(Map.of("PORT", ""), yaml).config().server().port()).isEqualTo(8081);
        assertThat(load(Map.of(), yaml).config().server().shutdownGrace()).hasSeconds(5);
    }

    @Test
    void unsetVariableWithoutDefaultIsAnErrorWithPathAndLine() {
        var error = failure("""
                server:
                  host: 0.0.0.0

                  port: ${WARDEN_PORT}
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("server.port", 4, "environment variable WARDEN_PORT is not set"));
        assertThat(error.getMessage())
                .isEqualTo("test.yaml:4: server.port: environment variable WARDEN_PORT is not set");
    }

    @Test
    void escapedDollarBraceIsLiteral() {
        var config = load(Map.of("X", "no"), """
                deployments:
                  - name: local
                    provider: openai-compatible
                    base_url: http://127.0.0.1:8000/v1
                    headers:
                      X-Template: "$${X} and ${X} and $$ and $X"
                """).config();
        assertThat(config.deployment("local").orElseThrow().headers())
                .containsEntry("X-Template", "${X} and no and $$ and $X");
    }

    @Test
    void severalVariablesInOneValue() {
        var config = load(Map.of("SCHEME", "https", "GPU", "gpu-1"), """
                deployments:
                  - name: local
                    provider: openai-compatible
                    base_url: ${SCHEME}://${GPU}:${GPU_PORT:-8000}/v1
                """).config();
        assertThat(config.deployment("local").orElseThrow().baseUrl()).hasToString("https://gpu-1:8000/v1");
    }

    @Test
    void emptyMasterKeyMeansGenerate() {
        var config = load("""
                auth:
                  master_key: ${WARDEN_MASTER_KEY:-}
                """ + ECHO).config();
        assertThat(config.auth().masterKey()).isNull();
    }

    @Test
    void syntaxErrorsAreReported() {
        var error = failure("""
                server:
                  host: ${HOST
                  port: ${9PORT}
                """ + ECHO);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("server.host", 2),
                org.assertj.core.groups.Tuple.tuple("server.port", 3));
        assertThat(error.problems().get(0).message()).startsWith("unterminated ${");
        assertThat(error.problems().get(1).message()).startsWith("invalid variable name '9PORT'");
    }

    @Test
    void interpolatorExpandsAndReportsEveryUnsetVariable() {
        var interpolator = new Interpolator(Map.of("A", "1"));
        assertThat(interpolator.expand("${A}${A:-x}$${A}").value()).isEqualTo("11${A}");
        var expansion = interpolator.expand("${B}-${C}-${B}");
        assertThat(expansion.value()).isNull();
        assertThat(expansion.unset()).containsExactly("B", "C");
        assertThat(interpolator.expand("${B:-a:-b}").value()).isEqualTo("a:-b");
        assertThat(interpolator.expand("no variables").value()).isEqualTo("no variables");
    }
}

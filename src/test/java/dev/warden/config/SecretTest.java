package dev.warden.config;

import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toStringIsMasked() {
        var secret = new Secret("sk-very-secret");
        assertThat(secret).hasToString("***");
        assertThat(secret.value()).isEqualTo("sk-very-secret");
    }

    @Test
    void secretsNeverShowInPrintedConfig() {
        var config = load(Map.of("KEY", "sk-very-secret", "MASTER", "wk-very-secret-master"), """
                auth:
                  master_key: ${MASTER}
                deployments:
                  - name: openai
                    provider: openai
                    api_key: ${KEY}
                """).config();
        assertThat(config.toString()).doesNotContain("very-secret").contains("***");
        assertThat(config.auth().masterKey().value()).isEqualTo("wk-very-secret-master");
    }

    @Test
    void emptySecretIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Secret(""));
    }

    @Test
    void shortMasterKeyLoadsWithAWarning() {
        var report = load("""
                auth:
                  master_key: short
                deployments:
                  - {name: echo, provider: echo}
                """);
        assertThat(report.warnings()).containsExactly(new ConfigProblem("auth.master_key", 2,
                "master_key is shorter than 16 characters; use a long random value"));
    }
}

package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every file in examples/ loads cleanly with the variables its header comment asks for. */
class ExamplesTest {

    private static final Map<String, String> KEYS = Map.of(
            "WARDEN_MASTER_KEY", "wk-0123456789abcdef0123",
            "OPENAI_API_KEY", "sk-test",
            "GROQ_API_KEY", "gsk-test",
            "MISTRAL_API_KEY", "mistral-test",
            "AZURE_OPENAI_ENDPOINT", "https://my-resource.openai.azure.com/",
            "AZURE_OPENAI_API_KEY", "azure-test");

    private static LoadReport example(String name) {
        return ConfigLoader.create(KEYS).loadWithReport(Path.of("examples", name));
    }

    @Test
    void minimalServesOnlyEcho() {
        var report = ConfigLoader.create(Map.of()).loadWithReport(Path.of("examples/minimal.yaml"));
        var config = report.config();
        assertThat(config.deployments()).extracting(DeploymentConfig::name).containsExactly("echo");
        assertThat(config.deployment("echo").orElseThrow().baseUrl()).isEqualTo(DeploymentConfig.ECHO_URI);
        assertThat(config.models()).extracting(ModelConfig::name).containsExactly("echo");
        assertThat(config.auth().masterKey()).isNull();
        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULTS);
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void openai() {
        var report = example("openai.yaml");
        var config = report.config();
        var openai = config.deployment("openai").orElseThrow();
        assertThat(openai.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(openai.apiKey()).isEqualTo(new Secret("sk-test"));
        assertThat(openai.timeouts()).isEqualTo(
                new TimeoutsConfig(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(2)));
        assertThat(config.server().maxBodyBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.accessLog().target()).isEqualTo(AccessLogConfig.Target.FILE);
        assertThat(config.accessLog().file()).isEqualTo(Path.of("examples/logs/access.log").toAbsolutePath());
        assertThat(config.model("fast").orElseThrow().targets())
                .containsExactly(new TargetConfig("openai", "gpt-4.1-mini"));
        assertThat(config.model("gpt-4o").orElseThrow().targets())
                .containsExactly(new TargetConfig("openai", "gpt-4o"));
        assertThat(config.routing().allowDirect()).isFalse();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void azure() {
        var config = example("azure.yaml").config();
        var azure = config.deployment("azure-eu").orElseThrow();
        assertThat(azure.provider()).isEqualTo(ProviderKind.AZURE_OPENAI);
        assertThat(azure.baseUrl()).isEqualTo(URI.create("https://my-resource.openai.azure.com"));
        assertThat(azure.apiVersion()).isEqualTo("2024-10-21");
        assertThat(config.model("gpt-4o").orElseThrow().targets())
                .containsExactly(new TargetConfig("azure-eu", "prod-gpt4o"));
    }

    @Test
    void vllmCluster() {
        var report = example("vllm-cluster.yaml");
        var config = report.config();
        assertThat(config.deployments()).extracting(DeploymentConfig::name)
                .containsExactly("vllm-a", "vllm-b", "sglang-1", "trtllm-1", "embed");
        assertThat(config.deployments()).allSatisfy(d -> {
            assertThat(d.provider()).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
            assertThat(d.apiKey()).isNull();
            assertThat(d.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
        });
        assertThat(config.deployment("trtllm-1").orElseThrow().dialect())
                .isEqualTo(new DialectConfig("trtllm", Map.of(), java.util.List.of("logit_bias"), Map.of()));
        assertThat(config.model("llama-3.3-70b").orElseThrow().targets()).extracting(TargetConfig::deployment)
                .containsExactly("vllm-a", "vllm-b");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void multiProvider() {
        var config = example("multi-provider.yaml").config();
        assertThat(config.deployments()).extracting(DeploymentConfig::name)
                .containsExactly("openai", "groq", "mistral", "local");
        var local = config.deployment("local").orElseThrow();
        assertThat(local.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8000/v1"));
        assertThat(local.headers()).containsExactly(Map.entry("X-Team", "platform"));
        assertThat(local.dialect().defaults()).containsExactly(
                Map.entry("temperature", "0.6"),
                Map.entry("top_p", "0.95"),
                Map.entry("chat_template_kwargs", "{\"enable_thinking\":false}"));
        assertThat(config.deployment("mistral").orElseThrow().dialect().rename())
                .containsExactly(Map.entry("max_completion_tokens", "max_tokens"));
        assertThat(config.models()).extracting(ModelConfig::name)
                .containsExactly("smart", "fast", "private", "codestral");
    }

    @Test
    void multiProviderWithoutOptionalKeysSkipsGroqAndMistral() {
        var env = Map.of("WARDEN_MASTER_KEY", "wk-0123456789abcdef0123", "OPENAI_API_KEY", "sk-test");
        var report = ConfigLoader.create(env).loadWithReport(Path.of("examples/multi-provider.yaml"));
        assertThat(report.skippedDeployments()).containsExactly("groq", "mistral");
        assertThat(report.skippedModels()).containsExactly("codestral");
        var config = report.config();
        assertThat(config.model("smart").orElseThrow().targets())
                .containsExactly(new TargetConfig("openai", "gpt-4.1"));
        assertThat(config.model("fast").orElseThrow().targets())
                .containsExactly(new TargetConfig("openai", "gpt-4.1-mini"));
        assertThat(report.formattedWarnings()).contains(
                "examples/multi-provider.yaml:20: deployments[1].require_env: deployment 'groq' skipped: "
                        + "environment variable GROQ_API_KEY is not set");
    }
}

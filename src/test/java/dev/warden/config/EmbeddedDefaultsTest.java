package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedDefaultsTest {

    @Test
    void withAnEmptyEnvironmentOnlyEchoIsServed() {
        var report = ConfigLoader.create(Map.of()).embeddedDefaultsWithReport();
        var config = report.config();
        assertThat(config.deployments()).extracting(DeploymentConfig::name).containsExactly("echo");
        assertThat(config.models()).extracting(ModelConfig::name).containsExactly("echo");
        assertThat(config.model("echo").orElseThrow().description())
                .isEqualTo("built-in demo model: repeats your last message; no API key needed");
        assertThat(config.server()).isEqualTo(ServerConfig.DEFAULTS);
        assertThat(config.auth().masterKey()).isNull();
        assertThat(config.accessLog()).isEqualTo(AccessLogConfig.DEFAULTS);
        assertThat(config.routing().allowDirect()).isTrue();
        assertThat(report.skippedDeployments()).containsExactly(
                "openai", "azure", "groq", "mistral", "deepseek", "together", "openrouter", "vllm");
        assertThat(report.skippedModels()).contains("gpt-4o", "text-embedding-3-large", "deepseek-chat");
    }

    @Test
    void openaiKeySwitchesOnOpenaiAndItsModels() {
        var config = ConfigLoader.create(Map.of("OPENAI_API_KEY", "sk-live")).embeddedDefaults();
        assertThat(config.deployments()).extracting(DeploymentConfig::name).containsExactly("echo", "openai");
        var openai = config.deployment("openai").orElseThrow();
        assertThat(openai.provider()).isEqualTo(ProviderKind.OPENAI);
        assertThat(openai.apiKey().value()).isEqualTo("sk-live");
        assertThat(openai.requireEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(config.models()).extracting(ModelConfig::name).containsExactly("echo", "gpt-4o", "gpt-4o-mini",
                "gpt-4.1", "gpt-4.1-mini", "o4-mini", "text-embedding-3-small", "text-embedding-3-large");
    }

    @Test
    void serverSettingsComeFromWardenVariables() {
        var config = ConfigLoader.create(Map.of("WARDEN_PORT", "9090", "WARDEN_HOST", "0.0.0.0",
                "WARDEN_MASTER_KEY", "wk-0123456789abcdef")).embeddedDefaults();
        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.auth().masterKey()).isEqualTo(new Secret("wk-0123456789abcdef"));
    }

    @Test
    void azureWithoutEndpointLoadsWithAPlaceholderWarning() {
        var report = ConfigLoader.create(Map.of("AZURE_OPENAI_API_KEY", "k")).embeddedDefaultsWithReport();
        var azure = report.config().deployment("azure").orElseThrow();
        assertThat(azure.baseUrl()).isEqualTo(URI.create("https://unset.invalid"));
        assertThat(azure.apiVersion()).isEqualTo("2024-10-21");
        assertThat(report.warnings()).anySatisfy(w -> {
            assertThat(w.path()).isEqualTo("deployments[2].base_url");
            assertThat(w.message()).contains("unset.invalid");
        });
    }

    @Test
    void localVllmIsSwitchedOnByItsBaseUrl() {
        var config = ConfigLoader.create(Map.of("VLLM_BASE_URL", "http://gpu:8000/v1/")).embeddedDefaults();
        var vllm = config.deployment("vllm").orElseThrow();
        assertThat(vllm.baseUrl()).isEqualTo(URI.create("http://gpu:8000/v1"));
        assertThat(vllm.apiKey()).isNull();
        assertThat(vllm.dialect()).isEqualTo(DialectConfig.preset("vllm"));
    }

    @Test
    void everyKeyedProviderSwitchesOn() {
        var env = Map.of("OPENAI_API_KEY", "a", "AZURE_OPENAI_API_KEY", "b", "AZURE_OPENAI_ENDPOINT",
                "https://r.openai.azure.com", "GROQ_API_KEY", "c", "MISTRAL_API_KEY", "d", "DEEPSEEK_API_KEY", "e",
                "TOGETHER_API_KEY", "f", "OPENROUTER_API_KEY", "g", "VLLM_BASE_URL", "http://127.0.0.1:8000/v1");
        var report = ConfigLoader.create(env).embeddedDefaultsWithReport();
        assertThat(report.skippedDeployments()).isEmpty();
        assertThat(report.skippedModels()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.config().deployment("groq").orElseThrow().baseUrl())
                .isEqualTo(URI.create("https://api.groq.com/openai/v1"));
    }
}

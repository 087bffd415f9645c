package dev.warden;

import dev.warden.config.DeploymentConfig;
import dev.warden.config.ProviderSettings;
import dev.warden.llm.RawJson;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Provider;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.anthropic.AnthropicProvider;
import dev.warden.provider.anthropic.AnthropicSettings;
import dev.warden.provider.azure.AzureOpenAiProvider;
import dev.warden.provider.bedrock.AwsCredentials;
import dev.warden.provider.bedrock.BedrockProvider;
import dev.warden.provider.bedrock.BedrockSettings;
import dev.warden.provider.echo.EchoProvider;
import dev.warden.provider.gemini.GeminiProvider;
import dev.warden.provider.gemini.GeminiSettings;
import dev.warden.provider.ollama.OllamaProvider;
import dev.warden.provider.ollama.OllamaSettings;
import dev.warden.provider.openaicompat.Dialect;
import dev.warden.provider.openaicompat.DialectOverrides;
import dev.warden.provider.openaicompat.Dialects;
import dev.warden.provider.openaicompat.OpenAiCompatProvider;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the provider for a deployment: adding a provider is one case here. Used for the configured deployments at
 * start and for deployments stored through the admin API whenever they change.
 */
final class Providers {
    private final UpstreamClient upstream;
    private final InstantSource clock;
    private final Supplier<String> ids;

    Providers(UpstreamClient upstream, InstantSource clock, Supplier<String> ids) {
        this.upstream = upstream;
        this.clock = clock;
        this.ids = ids;
    }

    Provider provider(DeploymentConfig deployment) {
        return switch (deployment.provider()) {
            case ECHO -> EchoProvider.create(deployment.name(), clock, ids);
            case OPENAI -> OpenAiCompatProvider.create(endpoint(deployment), dialect(deployment, "openai"), upstream);
            case OPENAI_COMPATIBLE -> OpenAiCompatProvider.create(endpoint(deployment),
                    dialect(deployment, "generic"), upstream);
            case AZURE_OPENAI -> AzureOpenAiProvider.create(endpoint(deployment), deployment.apiVersion(), upstream);
            case BEDROCK -> BedrockProvider.create(endpoint(deployment),
                    bedrock(deployment, (ProviderSettings.Bedrock) deployment.settings()), upstream, clock);
            case GEMINI -> GeminiProvider.create(endpoint(deployment), new GeminiSettings(
                    GeminiSettings.Flavor.GENERATIVE_LANGUAGE, null, null, deployment.dropUnsupportedParams()),
                    upstream, ids, clock);
            case VERTEX -> {
                var vertex = (ProviderSettings.Vertex) deployment.settings();
                yield GeminiProvider.create(endpoint(deployment), new GeminiSettings(GeminiSettings.Flavor.VERTEX,
                        vertex.project(), vertex.location(), deployment.dropUnsupportedParams()), upstream,
                        ids, clock);
            }
            case OLLAMA -> OllamaProvider.create(endpoint(deployment),
                    new OllamaSettings(((ProviderSettings.Ollama) deployment.settings()).keepAlive(), Map.of()),
                    upstream, ids, clock);
            case ANTHROPIC -> {
                var anthropic = (ProviderSettings.Anthropic) deployment.settings();
                yield AnthropicProvider.create(endpoint(deployment), new AnthropicSettings(anthropic.version(),
                        anthropic.defaultMaxTokens(), anthropic.betas()), upstream);
            }
        };
    }

    private static BedrockSettings bedrock(DeploymentConfig deployment, ProviderSettings.Bedrock settings) {
        var credentials = settings.accessKeyId() == null || settings.secretAccessKey() == null ? null
                : new AwsCredentials(settings.accessKeyId().value(), settings.secretAccessKey().value(),
                        settings.sessionToken() == null ? null : settings.sessionToken().value());
        var bearer = credentials == null && deployment.apiKey() != null ? deployment.apiKey().value() : null;
        return new BedrockSettings(settings.region(), credentials, bearer, settings.defaultMaxTokens());
    }

    /** The deployment's dialect table: a preset, or a preset with the configuration's overrides applied. */
    private static Dialect dialect(DeploymentConfig deployment, String defaultPreset) {
        var config = deployment.dialect();
        var preset = config == null || config.preset() == null ? defaultPreset : config.preset();
        if (config == null || (config.rename().isEmpty() && config.drop().isEmpty() && config.defaults().isEmpty())) {
            return Dialects.byName(preset).orElseThrow(() -> new IllegalArgumentException(
                    "deployment " + deployment.name() + ": unknown dialect " + preset));
        }
        var defaults = new LinkedHashMap<String, RawJson>();
        config.defaults().forEach((key, json) -> defaults.put(key, RawJson.of(json)));
        return Dialects.custom(deployment.name(), new DialectOverrides(preset, config.rename(),
                Set.copyOf(config.drop()), Set.of(), defaults, null, null, null, null));
    }

    private static Endpoint endpoint(DeploymentConfig deployment) {
        var timeouts = deployment.timeouts();
        return new Endpoint(deployment.name(), deployment.baseUrl(),
                deployment.apiKey() == null ? null : deployment.apiKey().value(), deployment.headers(),
                new Timeouts(timeouts.connect(), timeouts.firstByte(), timeouts.streamIdle()),
                deployment.dropUnsupportedParams());
    }
}

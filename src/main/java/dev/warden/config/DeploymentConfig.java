package dev.warden.config;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One upstream endpoint Warden can send requests to. An item of the YAML list {@code deployments}.
 *
 * @param name unique name (key {@code name}); clients may address {@code name/model} directly
 * @param provider the upstream protocol (key {@code provider})
 * @param baseUrl the API root (key {@code base_url}); defaults to {@code https://api.openai.com/v1} for openai and
 *                {@link #ECHO_URI} for echo, required otherwise
 * @param apiKey the upstream credential (key {@code api_key}); required for openai and azure
 * @param apiVersion the Azure {@code api-version} (key {@code api_version}); set exactly for azure
 * @param headers extra headers sent with every upstream request (key {@code headers})
 * @param timeouts time limits (key {@code timeouts})
 * @param dialect request rewriting for OpenAI-compatible upstreams (key {@code dialect}), or null for none
 * @param requireEnv the environment variable this deployment depends on (key {@code require_env}); when it is
 *                   unset or empty the deployment is skipped at load time, so a loaded deployment always has it set
 * @param settings what only this provider kind takes (Anthropic version, Bedrock region and credentials, ...)
 * @param dropUnsupportedParams key {@code drop_unsupported_params} (default false): a parameter the upstream cannot
 *                              honour is dropped and reported in {@code x-warden-dropped-params} instead of refused
 * @param pricing the deployment's own price (key {@code pricing}), winning over the built-in catalog for every
 *                model it serves, or null to use the catalog
 * @param allowUnpriced key {@code unpriced}: {@code allow} (true) serves a model with no price even to principals
 *                      with a budget; {@code refuse} (false, the default) refuses it to them
 * @param costTier key {@code cost_tier}: {@code frontier}, {@code standard}, {@code small} or {@code embedding},
 *                 the class token budgets weigh every model of this deployment by, winning over the catalog's; null
 *                 to use the catalog's (a model it cannot classify counts as frontier)
 */
public record DeploymentConfig(String name, ProviderKind provider, URI baseUrl, @Nullable Secret apiKey,
        @Nullable String apiVersion, Map<String, String> headers, TimeoutsConfig timeouts,
        @Nullable DialectConfig dialect, @Nullable String requireEnv, ProviderSettings settings,
        boolean dropUnsupportedParams, @Nullable PricingConfig pricing, boolean allowUnpriced,
        @Nullable String costTier) {

    /** The base URL of echo deployments: a marker, never dialled. */
    public static final URI ECHO_URI = URI.create("builtin:echo");

    /** The default base URL of openai deployments. */
    public static final URI OPENAI_URI = URI.create("https://api.openai.com/v1");

    /** The default base URL of anthropic deployments (the provider appends /v1/messages). */
    public static final URI ANTHROPIC_URI = URI.create("https://api.anthropic.com");

    /** The default base URL of gemini deployments. */
    public static final URI GEMINI_URI = URI.create("https://generativelanguage.googleapis.com");

    /** The default base URL of ollama deployments. */
    public static final URI OLLAMA_URI = URI.create("http://127.0.0.1:11434");

    public DeploymentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(settings, "settings");
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("invalid deployment name: " + name);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }
}

package dev.warden.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads one item of {@code deployments}. */
final class DeploymentReader {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final List<String> KEYS = List.of("name", "provider", "base_url", "api_key", "api_version",
            "headers", "timeouts", "dialect", "require_env", "anthropic_version", "default_max_tokens", "betas",
            "region", "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "project", "location",
            "keep_alive", "drop_unsupported_params", "pricing", "unpriced", "cost_tier");
    private static final List<String> TIMEOUT_KEYS = List.of("connect", "first_byte", "stream_idle");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * A deployment as read, before cross-checks.
     *
     * @param name its name, or null when missing or invalid
     * @param line the line of its name (or of the item)
     * @param config the deployment, or null when it has errors or is skipped
     * @param skipped true when its require_env variable is unset or empty
     */
    record Read(@Nullable String name, int line, @Nullable DeploymentConfig config, boolean skipped) {
    }

    private DeploymentReader() {
    }

    static @Nullable Read read(Section.Item item, ReadContext context) {
        var strict = Section.of(item.node(), item.path(), context);
        if (strict == null) {
            return null;
        }
        strict.allowOnly(KEYS);
        var problems = context.problems();
        String name = strict.required("name");
        if (name != null && !NAME.matcher(name).matches()) {
            problems.error(strict.path("name"), strict.line("name"), "a deployment name uses letters, digits, "
                    + "'.', '_' and '-' (no '/', which separates deployment and model in direct requests), got "
                    + ReadContext.quote(name));
            name = null;
        }
        int line = strict.line("name");

        String requireEnv = strict.string("require_env");
        boolean skipped = false;
        if (requireEnv != null) {
            requireEnv = requireEnv.strip();
            if (!Interpolator.VARIABLE_NAME.matcher(requireEnv).matches()) {
                problems.error(strict.path("require_env"), strict.line("require_env"),
                        "expected an environment variable name, got " + ReadContext.quote(requireEnv));
                requireEnv = null;
            } else {
                String value = context.interpolator().get(requireEnv);
                skipped = value == null || value.isEmpty();
                if (skipped) {
                    problems.warn(strict.path("require_env"), strict.line("require_env"), "deployment '"
                            + (name == null ? item.path() : name) + "' skipped: environment variable "
                            + requireEnv + " is not set");
                }
            }
        }
        // A skipped deployment's ${VARS} are expected to be unset; everything else is still checked.
        var section = skipped ? strict.with(context.lenient()) : strict;

        ProviderKind provider = null;
        String providerName = section.required("provider");
        if (providerName != null) {
            provider = ProviderKind.fromYamlName(providerName.strip()).orElse(null);
            if (provider == null) {
                problems.error(section.path("provider"), section.line("provider"), "unknown provider '"
                        + providerName + "'" + Suggestions.choices(providerName, ProviderKind.yamlNames()));
            }
        }
        ProviderSettings settings = ProviderSettingsReader.read(section, provider);
        URI baseUrl = baseUrl(section, provider, settings);
        Secret apiKey = apiKey(section, provider);
        ProviderSettingsReader.checkCredentials(section, provider, apiKey);
        String apiVersion = apiVersion(section, provider);
        Map<String, String> headers = headers(section);
        TimeoutsConfig timeouts = timeouts(section);
        DialectConfig dialect = null;
        if (provider != null && section.present("dialect") && provider != ProviderKind.OPENAI
                && provider != ProviderKind.OPENAI_COMPATIBLE && provider != ProviderKind.AZURE_OPENAI) {
            problems.error(section.path("dialect"), section.line("dialect"), provider.yamlName()
                    + " deployments take no dialect (dialect tables are for OpenAI-compatible upstreams)");
        } else {
            dialect = DialectReader.read(section);
        }

        PricingConfig pricing = PricingReader.pricing(section);
        boolean allowUnpriced = PricingReader.allowUnpriced(section);
        String costTier = PricingReader.costTier(section);

        DeploymentConfig config = null;
        if (name != null && provider != null && baseUrl != null && !skipped && !problems.hasErrors()) {
            config = new DeploymentConfig(name, provider, baseUrl, apiKey, apiVersion, headers, timeouts, dialect,
                    requireEnv, settings, section.bool("drop_unsupported_params", false), pricing, allowUnpriced,
                    costTier);
        }
        return new Read(name, line, config, skipped);
    }

    private static @Nullable URI baseUrl(Section section, @Nullable ProviderKind provider,
            ProviderSettings settings) {
        String text = section.string("base_url");
        var problems = section.problems();
        if (provider == ProviderKind.ECHO) {
            if (section.present("base_url")) {
                problems.error(section.path("base_url"), section.line("base_url"), "echo deployments take no "
                        + "base_url (they answer in-process)");
            }
            return DeploymentConfig.ECHO_URI;
        }
        if (text == null) {
            var standard = standardBaseUrl(provider, settings);
            if (standard != null) {
                return standard;
            }
            if (provider != null && !section.failed("base_url") && !section.emptyTolerated("base_url")) {
                problems.error(section.path("base_url"), section.line("base_url"), "provider "
                        + provider.yamlName() + " needs a base_url, like https://api.example.com/v1");
            }
            return null;
        }
        String expected = "expected an http(s) URL with a host, like https://api.example.com/v1, got "
                + ReadContext.quote(text);
        try {
            var uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.error(section.path("base_url"), section.line("base_url"), expected);
                return null;
            }
            if (uri.getHost().endsWith(".invalid")) {
                problems.warn(section.path("base_url"), section.line("base_url"), "host " + uri.getHost()
                        + " is a placeholder; requests to this deployment will fail until base_url is set");
            }
            // Providers append paths like /chat/completions; one canonical form without a trailing slash.
            String normalized = uri.toString().replaceAll("/+$", "");
            return URI.create(normalized);
        } catch (URISyntaxException invalid) {
            problems.error(section.path("base_url"), section.line("base_url"), expected);
            return null;
        }
    }

    /** Where a provider's public API lives when base_url is not given; null when there is no such place. */
    private static @Nullable URI standardBaseUrl(@Nullable ProviderKind provider, ProviderSettings settings) {
        if (provider == null) {
            return null;
        }
        return switch (provider) {
            case OPENAI -> DeploymentConfig.OPENAI_URI;
            case ANTHROPIC -> DeploymentConfig.ANTHROPIC_URI;
            case GEMINI -> DeploymentConfig.GEMINI_URI;
            case OLLAMA -> DeploymentConfig.OLLAMA_URI;
            case BEDROCK -> settings instanceof ProviderSettings.Bedrock bedrock
                    ? URI.create("https://bedrock-runtime." + bedrock.region() + ".amazonaws.com") : null;
            case VERTEX -> settings instanceof ProviderSettings.Vertex vertex
                    ? URI.create("https://" + vertex.location() + "-aiplatform.googleapis.com") : null;
            case AZURE_OPENAI, OPENAI_COMPATIBLE, ECHO -> null;
        };
    }

    private static @Nullable Secret apiKey(Section section, @Nullable ProviderKind provider) {
        String key = section.string("api_key");
        if (provider == ProviderKind.ECHO && section.present("api_key")) {
            section.problems().error(section.path("api_key"), section.line("api_key"),
                    "echo deployments take no api_key");
            return null;
        }
        if (key == null && !section.failed("api_key") && !section.emptyTolerated("api_key")
                && (provider == ProviderKind.OPENAI || provider == ProviderKind.AZURE_OPENAI
                        || provider == ProviderKind.ANTHROPIC || provider == ProviderKind.GEMINI
                        || provider == ProviderKind.VERTEX)) {
            section.problems().error(section.path("api_key"), section.line("api_key"), "provider "
                    + provider.yamlName() + " needs an api_key (missing or empty)");
        }
        return key == null ? null : new Secret(key.strip());
    }

    private static @Nullable String apiVersion(Section section, @Nullable ProviderKind provider) {
        if (provider == ProviderKind.AZURE_OPENAI) {
            String version = section.required("api_version");
            return version == null ? null : version.strip();
        }
        if (provider != null && section.present("api_version")) {
            section.problems().error(section.path("api_version"), section.line("api_version"),
                    "api_version applies only to provider azure");
        }
        return null;
    }

    private static Map<String, String> headers(Section section) {
        var headers = new LinkedHashMap<String, String>();
        var values = section.section("headers");
        if (values == null) {
            return headers;
        }
        for (String header : values.keys()) {
            if (!HEADER_NAME.matcher(header).matches()) {
                values.problems().error(values.path(header), values.keyNode(header), "not a valid header name");
                continue;
            }
            String value = values.required(header);
            if (value != null) {
                headers.put(header, value);
            }
        }
        return headers;
    }

    private static TimeoutsConfig timeouts(Section section) {
        var timeouts = section.section("timeouts");
        if (timeouts == null) {
            return TimeoutsConfig.DEFAULTS;
        }
        timeouts.allowOnly(TIMEOUT_KEYS);
        var defaults = TimeoutsConfig.DEFAULTS;
        return new TimeoutsConfig(
                timeouts.duration("connect", defaults.connect(), false),
                timeouts.duration("first_byte", defaults.firstByte(), false),
                timeouts.duration("stream_idle", defaults.streamIdle(), false));
    }
}

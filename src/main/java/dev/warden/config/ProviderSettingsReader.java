package dev.warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the provider-specific keys of a deployment and checks each is used only with its provider. */
final class ProviderSettingsReader {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
    private static final Pattern LOCATION = Pattern.compile("[a-z]+-[a-z]+\\d+|global");

    /** Which provider each specific key belongs to. */
    private static final Map<String, List<ProviderKind>> OWNERS = Map.of(
            "anthropic_version", List.of(ProviderKind.ANTHROPIC),
            "betas", List.of(ProviderKind.ANTHROPIC),
            "default_max_tokens", List.of(ProviderKind.ANTHROPIC, ProviderKind.BEDROCK),
            "region", List.of(ProviderKind.BEDROCK),
            "aws_access_key_id", List.of(ProviderKind.BEDROCK),
            "aws_secret_access_key", List.of(ProviderKind.BEDROCK),
            "aws_session_token", List.of(ProviderKind.BEDROCK),
            "project", List.of(ProviderKind.VERTEX),
            "location", List.of(ProviderKind.VERTEX),
            "keep_alive", List.of(ProviderKind.OLLAMA));

    private ProviderSettingsReader() {
    }

    static ProviderSettings read(Section section, @Nullable ProviderKind provider) {
        if (provider == null) {
            return new ProviderSettings.None();
        }
        OWNERS.forEach((key, owners) -> {
            if (section.present(key) && !owners.contains(provider)) {
                section.problems().error(section.path(key), section.line(key), key + " applies only to provider "
                        + String.join(" or ", owners.stream().map(ProviderKind::yamlName).toList()));
            }
        });
        return switch (provider) {
            case ANTHROPIC -> new ProviderSettings.Anthropic(
                    section.string("anthropic_version", "2023-06-01").strip(),
                    section.integer("default_max_tokens", 4096, 1, 1_000_000),
                    strings(section, "betas"));
            case BEDROCK -> {
                var region = section.required("region");
                if (region != null && !REGION.matcher(region.strip()).matches()) {
                    section.problems().error(section.path("region"), section.line("region"),
                            "expected an AWS region like us-east-1, got " + ReadContext.quote(region));
                }
                yield new ProviderSettings.Bedrock(region == null ? "us-east-1" : region.strip(),
                        secret(section, "aws_access_key_id"), secret(section, "aws_secret_access_key"),
                        secret(section, "aws_session_token"),
                        section.integer("default_max_tokens", 4096, 1, 1_000_000));
            }
            case VERTEX -> {
                var project = section.required("project");
                var location = section.required("location");
                if (location != null && !LOCATION.matcher(location.strip()).matches()) {
                    section.problems().error(section.path("location"), section.line("location"),
                            "expected a Google Cloud location like us-central1, got " + ReadContext.quote(location));
                }
                yield new ProviderSettings.Vertex(project == null ? "" : project.strip(),
                        location == null ? "us-central1" : location.strip());
            }
            case OLLAMA -> new ProviderSettings.Ollama(section.string("keep_alive"));
            case OPENAI, AZURE_OPENAI, OPENAI_COMPATIBLE, ECHO, GEMINI -> new ProviderSettings.None();
        };
    }

    /** Bedrock signs with an access key pair or sends a Bedrock API key (api_key); it needs exactly one. */
    static void checkCredentials(Section section, @Nullable ProviderKind provider, @Nullable Secret apiKey) {
        if (provider != ProviderKind.BEDROCK) {
            return;
        }
        boolean id = section.present("aws_access_key_id");
        boolean secret = section.present("aws_secret_access_key");
        if (id != secret) {
            var missing = id ? "aws_secret_access_key" : "aws_access_key_id";
            section.problems().error(section.path(missing), section.line(id ? "aws_access_key_id"
                    : "aws_secret_access_key"), "aws_access_key_id and aws_secret_access_key go together");
        } else if (id && apiKey != null) {
            section.problems().error(section.path("api_key"), section.line("api_key"),
                    "give either api_key (a Bedrock API key) or aws_access_key_id/aws_secret_access_key, not both");
        } else if (!id && apiKey == null && !section.emptyTolerated("api_key")
                && !section.emptyTolerated("aws_access_key_id")) {
            section.problems().error(section.path("api_key"), section.line("provider"),
                    "bedrock needs aws_access_key_id and aws_secret_access_key, or an api_key (Bedrock API key)");
        }
        if (section.present("aws_session_token") && !id) {
            section.problems().error(section.path("aws_session_token"), section.line("aws_session_token"),
                    "aws_session_token needs aws_access_key_id and aws_secret_access_key");
        }
    }

    private static @Nullable Secret secret(Section section, String key) {
        var value = section.string(key);
        return value == null || value.isBlank() ? null : new Secret(value.strip());
    }

    private static List<String> strings(Section section, String key) {
        var out = new ArrayList<String>();
        for (var item : section.list(key)) {
            var text = section.context().text(item.node(), item.path(), "expected a string");
            if (text != null && !text.isBlank()) {
                out.add(text.strip());
            }
        }
        return out;
    }
}

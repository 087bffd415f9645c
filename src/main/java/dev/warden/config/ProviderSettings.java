package dev.warden.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings only some providers take, kept apart from what every deployment has. Each provider kind has exactly one
 * variant; the YAML keys are flat on the deployment (for example {@code region} on a bedrock deployment).
 */
public sealed interface ProviderSettings {

    /** Providers with nothing beyond the common keys (openai, openai-compatible, azure, echo, gemini). */
    record None() implements ProviderSettings {}

    /**
     * @param version the {@code anthropic-version} header (key {@code anthropic_version}, default 2023-06-01)
     * @param defaultMaxTokens sent when the client gave no max tokens, which Anthropic requires (key
     *                         {@code default_max_tokens}, default 4096)
     * @param betas {@code anthropic-beta} header values (key {@code betas})
     */
    record Anthropic(String version, int defaultMaxTokens, List<String> betas) implements ProviderSettings {
        public Anthropic {
            Objects.requireNonNull(version, "version");
            betas = List.copyOf(betas);
        }
    }

    /**
     * AWS Bedrock: a region and either static credentials or a Bedrock API key (the deployment's {@code api_key},
     * sent as a bearer token).
     *
     * @param accessKeyId key {@code aws_access_key_id}
     * @param secretAccessKey key {@code aws_secret_access_key}
     * @param sessionToken key {@code aws_session_token}, for temporary credentials
     */
    record Bedrock(String region, @Nullable Secret accessKeyId, @Nullable Secret secretAccessKey,
            @Nullable Secret sessionToken, int defaultMaxTokens) implements ProviderSettings {
        public Bedrock {
            Objects.requireNonNull(region, "region");
        }
    }

    /** Vertex AI: the Google Cloud project and location; the deployment's {@code api_key} is the bearer token. */
    record Vertex(String project, String location) implements ProviderSettings {
        public Vertex {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(location, "location");
        }
    }

    /** @param keepAlive Ollama's {@code keep_alive} (how long the model stays loaded), e.g. "5m"; null for default */
    record Ollama(@Nullable String keepAlive) implements ProviderSettings {}
}

package dev.warden.config;

import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    @Test
    void eachNativeProviderGetsItsSettingsAndItsStandardBaseUrl() {
        var config = load("""
                deployments:
                  - name: claude
                    provider: anthropic
                    api_key: sk-ant-x
                    betas: [prompt-caching-2024-07-31]
                  - name: aws
                    provider: bedrock
                    region: eu-west-1
                    aws_access_key_id: AKIDEXAMPLE
                    aws_secret_access_key: wJalrXUtnFEMI
                    aws_session_token: token
                  - name: aws-key
                    provider: bedrock
                    region: us-east-1
                    api_key: bedrock-api-key
                  - name: gem
                    provider: gemini
                    api_key: AIza-x
                  - name: vtx
                    provider: vertex
                    project: my-project
                    location: europe-west4
                    api_key: ya29.token
                  - name: local
                    provider: ollama
                    keep_alive: 10m
                """).config();

        var claude = config.deployment("claude").orElseThrow();
        assertThat(claude.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(claude.settings()).isEqualTo(new ProviderSettings.Anthropic("2023-06-01", 4096,
                List.of("prompt-caching-2024-07-31")));

        var aws = config.deployment("aws").orElseThrow();
        assertThat(aws.baseUrl()).isEqualTo(URI.create("https://bedrock-runtime.eu-west-1.amazonaws.com"));
        var bedrock = (ProviderSettings.Bedrock) aws.settings();
        assertThat(bedrock.accessKeyId().value()).isEqualTo("AKIDEXAMPLE");
        assertThat(bedrock.sessionToken().value()).isEqualTo("token");
        assertThat(bedrock.toString()).doesNotContain("wJalrXUtnFEMI");
        assertThat(config.deployment("aws-key").orElseThrow().apiKey().value()).isEqualTo("bedrock-api-key");

        assertThat(config.deployment("gem").orElseThrow().baseUrl())
                .isEqualTo(URI.create("https://generativelanguage.googleapis.com"));
        var vertex = config.deployment("vtx").orElseThrow();
        assertThat(vertex.baseUrl()).isEqualTo(URI.create("https://europe-west4-aiplatform.googleapis.com"));
        assertThat(vertex.settings()).isEqualTo(new ProviderSettings.Vertex("my-project", "europe-west4"));
        var ollama = config.deployment("local").orElseThrow();
        assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:11434"));
        assertThat(ollama.settings()).isEqualTo(new ProviderSettings.Ollama("10m"));
    }

    @Test
    void providerSpecificKeysAreCheckedWithPathAndLine() {
        var error = failure("""
                deployments:
                  - name: a
                    provider: openai
                    api_key: k
                    region: us-east-1
                  - name: b
                    provider: bedrock
                    region: moon-1
                    aws_access_key_id: AKID
                  - name: c
                    provider: bedrock
                    region: us-west-2
                  - name: d
                    provider: vertex
                    api_key: t
                  - name: e
                    provider: anthropic
                """);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line).contains(
                org.assertj.core.groups.Tuple.tuple("deployments[0].region", 5),
                org.assertj.core.groups.Tuple.tuple("deployments[1].region", 8),
                org.assertj.core.groups.Tuple.tuple("deployments[1].aws_secret_access_key", 9),
                org.assertj.core.groups.Tuple.tuple("deployments[2].api_key", 11),
                org.assertj.core.groups.Tuple.tuple("deployments[3].project", 13),
                org.assertj.core.groups.Tuple.tuple("deployments[3].location", 13),
                org.assertj.core.groups.Tuple.tuple("deployments[4].api_key", 16));
        assertThat(error.getMessage()).contains("region applies only to provider bedrock")
                .contains("aws_access_key_id and aws_secret_access_key go together");
    }
}

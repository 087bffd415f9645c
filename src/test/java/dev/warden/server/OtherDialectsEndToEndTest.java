package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.NotFoundException;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.errors.BadRequestException;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeAnthropicUpstream;
import dev.warden.testkit.FakeBedrockUpstream;
import dev.warden.testkit.FakeGeminiUpstream;
import dev.warden.testkit.FakeOllamaUpstream;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic and Ollama surfaces beyond chat: errors in each caller's own format with faithful statuses, token
 * counting, the Ollama catalogue endpoints and model preload, and embeddings through every provider that has them.
 */
class OtherDialectsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeOpenAiUpstream openAiUpstream;
    private static FakeAnthropicUpstream anthropicUpstream;
    private static FakeBedrockUpstream bedrockUpstream;
    private static FakeGeminiUpstream geminiUpstream;
    private static FakeOllamaUpstream ollamaUpstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        openAiUpstream = FakeOpenAiUpstream.start();
        anthropicUpstream = FakeAnthropicUpstream.start();
        bedrockUpstream = FakeBedrockUpstream.start();
        geminiUpstream = FakeGeminiUpstream.start();
        ollamaUpstream = FakeOllamaUpstream.start();
        gateway = RunningGateway.start("""
                deployments:
                  - {name: compat, provider: openai-compatible, base_url: "${OPENAI_URL}", api_key: "${OPENAI_KEY}"}
                  - {name: claude, provider: anthropic, base_url: "${ANTHROPIC_URL}", api_key: "${ANTHROPIC_KEY}"}
                  - name: aws
                    provider: bedrock
                    base_url: ${BEDROCK_URL}
                    region: us-east-1
                    aws_access_key_id: ${AWS_ID}
                    aws_secret_access_key: ${AWS_SECRET}
                  - {name: google, provider: gemini, base_url: "${GEMINI_URL}", api_key: "${GEMINI_KEY}"}
                  - {name: local, provider: ollama, base_url: "${OLLAMA_URL}"}
                models:
                  - {name: claude, deployment: claude, model: claude-sonnet-4-5}
                  - {name: llama, deployment: local, model: "llama3.2:latest"}
                  - {name: embed-openai, deployment: compat, model: text-embedding-3-small}
                  - {name: embed-cohere, deployment: aws, model: cohere.embed-english-v3}
                  - {name: embed-titan, deployment: aws, model: "amazon.titan-embed-text-v2:0"}
                  - {name: embed-gemini, deployment: google, model: gemini-embedding-001}
                  - {name: embed-ollama, deployment: local, model: "nomic-embed-text:latest"}
                """, Map.of(
                "OPENAI_URL", openAiUpstream.baseUrl().toString(), "OPENAI_KEY", openAiUpstream.apiKey(),
                "ANTHROPIC_URL", anthropicUpstream.baseUrl().toString(), "ANTHROPIC_KEY", anthropicUpstream.apiKey(),
                "BEDROCK_URL", bedrockUpstream.baseUrl().toString(), "AWS_ID", FakeBedrockUpstream.ACCESS_KEY_ID,
                "AWS_SECRET", FakeBedrockUpstream.SECRET,
                "GEMINI_URL", geminiUpstream.baseUrl().toString(), "GEMINI_KEY", FakeGeminiUpstream.API_KEY,
                "OLLAMA_URL", ollamaUpstream.baseUrl().toString()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        openAiUpstream.close();
        anthropicUpstream.close();
        bedrockUpstream.close();
        geminiUpstream.close();
        ollamaUpstream.close();
    }

    private static JsonNode anthropicError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var body = JSON.readTree(response.body());
        assertThat(body.get("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo(type);
        return body.get("error");
    }

    @Test
    void anthropicClientsGetAnthropicErrors() throws Exception {
        var missingMaxTokens = gateway.post("/v1/messages",
                "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", RunningGateway.MASTER_KEY, "content-type", "application/json",
                "anthropic-version", "2023-06-01");
        assertThat(anthropicError(missingMaxTokens, 400, "invalid_request_error").get("message").asText())
                .contains("max_tokens");
        anthropicError(gateway.post("/v1/messages", "{}", "content-type", "application/json"), 401,
                "authentication_error");
        anthropicError(gateway.get("/v1/messages", "x-api-key", RunningGateway.MASTER_KEY), 405,
                "invalid_request_error");

        var client = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port())
                .apiKey(RunningGateway.MASTER_KEY).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
        assertThatThrownBy(() -> client.messages().create(MessageCreateParams.builder().model("no-such-model")
                .maxTokens(10).addUserMessage("hi").build()))
                .isInstanceOf(NotFoundException.class);
        var count = client.messages().countTokens(MessageCountTokensParams.builder().model("claude")
                .addUserMessage("How many tokens is this sentence, roughly?").build());
        assertThat(count.inputTokens()).isBetween(5L, 40L);
    }

    @Test
    void ollamaClientsGetOllamaErrorsAndTheCatalogue() throws Exception {
        var unknown = gateway.postJson("/api/chat",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":false}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("nope");
        var noModel = gateway.postJson("/api/chat", "{\"messages\":[]}");
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noModel.body()).get("error").isTextual()).isTrue();
        var noKey = gateway.post("/api/chat", "{\"model\":\"llama\"}", "content-type", "application/json");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(noKey.body()).get("error").isTextual()).isTrue();

        assertThat(JSON.readTree(gateway.get("/api/version").body()).get("version").asText()).isNotBlank();
        var tags = JSON.readTree(gateway.get("/api/tags", "Authorization", "Bearer " + RunningGateway.MASTER_KEY)
                .body());
        assertThat(tags.get("models").findValuesAsText("name")).contains("claude", "llama");
        var show = gateway.postJson("/api/show", "{\"model\":\"llama\"}");
        assertThat(show.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(show.body()).has("capabilities")).isTrue();
    }

    @Test
    void anOllamaPreloadIsAnsweredWithoutCallingTheUpstream() throws Exception {
        // Only chat calls count: model discovery asks the upstream's /api/tags in the background.
        long before = ollamaUpstream.requests().stream().filter(r -> r.path().equals("/api/chat")).count();
        var preload = gateway.postJson("/api/chat", "{\"model\":\"llama\",\"messages\":[]}");
        assertThat(preload.statusCode()).as(preload.body()).isEqualTo(200);
        var body = JSON.readTree(preload.body());
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("done_reason").asText()).isEqualTo("load");
        assertThat(ollamaUpstream.requests().stream().filter(r -> r.path().equals("/api/chat")).count())
                .isEqualTo(before);
    }

    @Test
    void modelsAnOllamaUpstreamReportsAreListedForDirectUse() throws Exception {
        var ids = new java.util.ArrayList<String>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!ids.contains("local/llama3.2:latest") && System.nanoTime() < deadline) {
            ids.clear();
            gateway.openAi().models().list().autoPager().forEach(model -> ids.add(model.id()));
            Thread.sleep(50);
        }
        assertThat(ids).contains("claude", "llama", "local/llama3.2:latest");
        assertThat(ids.indexOf("claude")).isLessThan(ids.indexOf("local/llama3.2:latest"));
        var direct = gateway.postJson("/api/chat", "{\"model\":\"local/llama3.2:latest\",\"stream\":false,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"discovered\"}]}");
        assertThat(JSON.readTree(direct.body()).at("/message/content").asText()).isEqualTo("Echo: discovered");
    }

    @Test
    void embeddingsThroughEveryProviderThatHasThem() {
        var client = gateway.openAi();
        for (var model : new String[] {"embed-openai", "embed-cohere", "embed-titan", "embed-gemini",
                "embed-ollama"}) {
            var response = client.embeddings().create(EmbeddingCreateParams.builder().model(model)
                    .input(EmbeddingCreateParams.Input.ofArrayOfStrings(java.util.List.of("alpha", "beta")))
                    .build());
            assertThat(response.data()).as(model).hasSize(2);
            assertThat(response.data().get(0).embedding()).as(model).isNotEmpty();
            assertThat(response.data().get(0).embedding()).as(model)
                    .isNotEqualTo(response.data().get(1).embedding());
        }
        assertThatThrownBy(() -> client.embeddings().create(EmbeddingCreateParams.builder().model("claude")
                .input("x").build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("embeddings");
    }

    @Test
    void ollamaEmbedReachesAnOpenAiCompatibleUpstream() throws Exception {
        var response = gateway.postJson("/api/embed", "{\"model\":\"embed-openai\",\"input\":[\"one\",\"two\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var embeddings = JSON.readTree(response.body()).get("embeddings");
        assertThat(embeddings).hasSize(2);
        var expected = FakeOpenAiUpstream.embeddingFor("one");
        assertThat(embeddings.get(0).get(0).floatValue()).isEqualTo(expected[0]);
    }
}

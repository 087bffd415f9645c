package dev.warden.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fake against the official anthropic-java SDK (its answers must parse as the real API's do) and raw HTTP (its
 * rejections must be Anthropic's documented errors).
 */
@Timeout(20)
class FakeAnthropicUpstreamTest {
    private final FakeAnthropicUpstream fake = FakeAnthropicUpstream.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    private com.anthropic.client.AnthropicClient sdk() {
        // This SDK version sends the key as a bearer token; the fake, like Warden's provider, speaks x-api-key.
        return AnthropicOkHttpClient.builder().apiKey(fake.apiKey()).putHeader("x-api-key", fake.apiKey())
                .baseUrl(fake.baseUrl().toString()).maxRetries(0).build();
    }

    private static MessageCreateParams hello() {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(100).system("Be brief.")
                .addUserMessage("Hello there").build();
    }

    @Test
    void theOfficialSdkReadsTheDefaultAnswer() {
        var message = sdk().messages().create(hello());
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Echo: Hello there");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(4); // "Be brief." + "Hello there"
        assertThat(message.usage().outputTokens()).isEqualTo(3);
        assertThat(fake.lastRequest().header("anthropic-version")).isPresent();
    }

    @Test
    void theOfficialSdkReadsTheDefaultStream() {
        var text = new StringBuilder();
        var stops = new StringBuilder();
        try (var stream = sdk().messages().createStreaming(hello())) {
            stream.stream().forEach(event -> {
                event.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(t -> text.append(t.text()));
                event.messageDelta().flatMap(d -> d.delta().stopReason()).ifPresent(r -> stops.append(r));
            });
        }
        assertThat(text.toString()).isEqualTo("Echo: Hello there");
        assertThat(stops.toString()).isEqualTo("end_turn");
        assertThat(fake.streamsCompleted()).isEqualTo(1);
    }

    private HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        var builder = HttpRequest.newBuilder(fake.baseUrl().resolve("/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(Map.of("x-api-key", fake.apiKey(), "anthropic-version", "2023-06-01",
                "content-type", "application/json"), body);
    }

    private static JsonNode error(HttpResponse<String> response) throws IOException {
        var root = AnthropicAnswers.JSON.readTree(response.body());
        assertThat(root.path("type").asText()).isEqualTo("error");
        return root.path("error");
    }

    private static final String VALID = """
            {"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""";

    @Test
    void credentialAndVersionAreRequired() throws Exception {
        var noKey = post(Map.of("anthropic-version", "2023-06-01"), VALID);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(error(noKey).path("type").asText()).isEqualTo("authentication_error");
        var wrongKey = post(Map.of("x-api-key", "sk-ant-wrong", "anthropic-version", "2023-06-01"), VALID);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        var noVersion = post(Map.of("x-api-key", fake.apiKey()), VALID);
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(error(noVersion).path("message").asText()).contains("anthropic-version");
        assertThat(post(VALID).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedBodiesGetAnthropicsInvalidRequestError() throws Exception {
        var cases = Map.of(
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "max_tokens: Field required",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":"
                        + "\"x\"},{\"role\":\"user\",\"content\":\"hi\"}]}", "Unexpected role \"system\"",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"assistant\","
                        + "\"content\":\"x\"}]}", "first message must use the \"user\" role",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}", "roles must alternate",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "[]}]}", "must have non-empty content",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"seed\":1,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"a\"}]}", "seed: Extra inputs are not permitted",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\"}]}]}", "unexpected `tool_use_id`");
        for (var entry : cases.entrySet()) {
            var response = post(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            var error = error(response);
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("message").asText()).as(entry.getKey()).contains(entry.getValue());
        }
        assertThat(fake.requests()).hasSize(cases.size());
    }

    @Test
    void unknownModelIsNotFound() throws Exception {
        var response = post(VALID.replace("claude-sonnet-4-5", "claude-9"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("type").asText()).isEqualTo("not_found_error");
        assertThat(error(response).path("message").asText()).isEqualTo("model: claude-9");
    }

    @Test
    void scriptedBehavioursAreNotConsumedByInvalidRequests() throws Exception {
        fake.enqueue(AnthropicBehaviour.rateLimited("9"), AnthropicBehaviour.overloaded());
        assertThat(post("{}").statusCode()).isEqualTo(400);
        var limited = post(VALID);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("9");
        assertThat(error(limited).path("type").asText()).isEqualTo("rate_limit_error");
        var overloaded = post(VALID);
        assertThat(overloaded.statusCode()).isEqualTo(529);
        assertThat(error(overloaded).path("type").asText()).isEqualTo("overloaded_error");
        assertThat(post(VALID).statusCode()).isEqualTo(200);
    }

    @Test
    void aForcedToolIsCalledWithTheEcho() throws Exception {
        var response = post("""
                {"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi you"}],
                 "tools":[{"name":"w","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"w"}}""");
        var root = AnthropicAnswers.JSON.readTree(response.body());
        assertThat(root.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(root.path("content").path(0).path("input").path("echo").asText()).isEqualTo("hi you");
    }
}

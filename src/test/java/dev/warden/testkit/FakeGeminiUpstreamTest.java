package dev.warden.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers malformed requests as Google does, so translator bugs fail tests. */
class FakeGeminiUpstreamTest {
    private static final String HELLO = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}";
    private final FakeGeminiUpstream fake = FakeGeminiUpstream.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    private record Answer(int status, JsonNode body) {
        String message() {
            return body.path("error").path("message").asText();
        }

        String googleStatus() {
            return body.path("error").path("status").asText();
        }
    }

    private Answer post(String path, Map<String, String> headers, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode tree;
        try {
            tree = GeminiAnswers.JSON.readTree(response.body());
        } catch (IOException html) {
            tree = GeminiAnswers.JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), tree);
    }

    private Answer generate(String body) throws Exception {
        return post("/v1beta/models/gemini-2.5-flash:generateContent", Map.of("x-goog-api-key",
                FakeGeminiUpstream.API_KEY), body);
    }

    @Test
    void keysAreCheckedAsGoogleDoes() throws Exception {
        var missing = post("/v1beta/models/gemini-2.5-flash:generateContent", Map.of(), HELLO);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.googleStatus()).isEqualTo("PERMISSION_DENIED");
        var wrong = post("/v1beta/models/gemini-2.5-flash:generateContent", Map.of("x-goog-api-key", "AIzaWrong"),
                HELLO);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.message()).isEqualTo("API key not valid. Please pass a valid API key.");
        assertThat(wrong.body().at("/error/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
        var vertex = post("/v1/projects/fake-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:"
                + "generateContent", Map.of("Authorization", "Bearer nope"), HELLO);
        assertThat(vertex.status()).isEqualTo(401);
        assertThat(vertex.googleStatus()).isEqualTo("UNAUTHENTICATED");
        var otherProject = post("/v1/projects/other/locations/us-central1/publishers/google/models/gemini-2.5-flash:"
                + "generateContent", Map.of("Authorization", "Bearer " + FakeGeminiUpstream.ACCESS_TOKEN), HELLO);
        assertThat(otherProject.status()).isEqualTo(403);
    }

    @Test
    void malformedRequestsGetGooglesErrors() throws Exception {
        var role = generate("{\"contents\":[{\"role\":\"assistant\",\"parts\":[{\"text\":\"Hi\"}]}]}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.message()).isEqualTo("Please use a valid role: user, model.");
        var empty = generate("{\"contents\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.message()).contains("contents is not specified");
        var unknown = generate("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}],\"messages\":[]}");
        assertThat(unknown.message()).contains("Unknown name \"messages\"");
        var orphan = generate("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"f\","
                + "\"response\":{}}}]}]}");
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.message()).contains("function response turn comes immediately after a function call turn");
        var twoData = generate("{\"contents\":[{\"parts\":[{\"text\":\"a\",\"inlineData\":{\"mimeType\":\"image/png\","
                + "\"data\":\"AA==\"}}]}]}");
        assertThat(twoData.status()).isEqualTo(400);
        var notJson = generate("{oops");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(fake.requests()).hasSize(6);
    }

    @Test
    void unknownModelsAndMethodsAre404() throws Exception {
        var model = post("/v1beta/models/gemini-9:generateContent", Map.of("x-goog-api-key",
                FakeGeminiUpstream.API_KEY), HELLO);
        assertThat(model.status()).isEqualTo(404);
        assertThat(model.message()).startsWith("models/gemini-9 is not found for API version v1beta");
        var embedOnChat = post("/v1beta/models/gemini-2.5-flash:embedContent", Map.of("x-goog-api-key",
                FakeGeminiUpstream.API_KEY), "{\"content\":{\"parts\":[{\"text\":\"x\"}]}}");
        assertThat(embedOnChat.status()).isEqualTo(404);
        var batchOnVertex = post("/v1/projects/fake-project/locations/us-central1/publishers/google/models/"
                + "gemini-embedding-001:batchEmbedContents", Map.of("Authorization", "Bearer "
                + FakeGeminiUpstream.ACCESS_TOKEN), "{\"requests\":[]}");
        assertThat(batchOnVertex.status()).isEqualTo(404);
    }

    @Test
    void batchRequestsMustNameTheModelOfTheUrl() throws Exception {
        var answer = post("/v1beta/models/gemini-embedding-001:batchEmbedContents", Map.of("x-goog-api-key",
                FakeGeminiUpstream.API_KEY), "{\"requests\":[{\"model\":\"models/other\",\"content\":{\"parts\":"
                + "[{\"text\":\"x\"}]}}]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("does not match");
    }

    @Test
    void withoutAltSseTheStreamIsOneJsonArray() throws Exception {
        var answer = post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", Map.of("x-goog-api-key",
                FakeGeminiUpstream.API_KEY), HELLO);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().isArray()).isTrue();
        assertThat(answer.body().get(answer.body().size() - 1).at("/candidates/0/finishReason").asText())
                .isEqualTo("STOP");
    }
}

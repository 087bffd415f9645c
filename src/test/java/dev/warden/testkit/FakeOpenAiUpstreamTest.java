package dev.warden.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake is only useful if it is as strict as the real API. */
@Timeout(20)
class FakeOpenAiUpstreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeOpenAiUpstream fake = FakeOpenAiUpstream.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    private record Answer(int status, JsonNode body) {}

    private Answer call(String method, String path, String auth, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(fake.rootUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private Answer chat(String body) throws Exception {
        return call("POST", "/v1/chat/completions", "Bearer " + fake.apiKey(), body);
    }

    @Test
    void missingOrWrongKeyIs401InvalidApiKey() throws Exception {
        var missing = call("POST", "/v1/chat/completions", null, "{}");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().at("/error/code").asText()).isEqualTo("invalid_api_key");
        var wrong = call("POST", "/v1/chat/completions", "Bearer sk-nope-nope-nope", "{}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().at("/error/message").asText()).startsWith("Incorrect API key provided");
    }

    @Test
    void malformedBodiesAre400WithTheParam() throws Exception {
        assertThat(chat("not json").status()).isEqualTo(400);
        var noModel = chat("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(noModel.status()).isEqualTo(400);
        assertThat(noModel.body().at("/error/param").asText()).isEqualTo("model");
        var noMessages = chat("{\"model\":\"gpt-4o\"}");
        assertThat(noMessages.status()).isEqualTo(400);
        assertThat(noMessages.body().at("/error/param").asText()).isEqualTo("messages");
        var badRole = chat("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}");
        assertThat(badRole.body().at("/error/param").asText()).isEqualTo("messages[0].role");
        var streamOptions = chat("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"stream_options\":{\"include_usage\":true}}");
        assertThat(streamOptions.body().at("/error/param").asText()).isEqualTo("stream_options");
    }

    @Test
    void unknownModelIs404AndWrongMethodIs405() throws Exception {
        var unknown = chat("{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/error/code").asText()).isEqualTo("model_not_found");
        assertThat(call("GET", "/v1/chat/completions", "Bearer " + fake.apiKey(), null).status()).isEqualTo(405);
        assertThat(call("POST", "/v1/nothing", "Bearer " + fake.apiKey(), "{}").status()).isEqualTo(404);
    }

    @Test
    void modelsAreListedAndRequestsRecorded() throws Exception {
        var models = call("GET", "/v1/models", "Bearer " + fake.apiKey(), null);
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.body().at("/data/0/object").asText()).isEqualTo("model");
        assertThat(fake.requests()).hasSize(1);
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/models");
    }

    @Test
    void scriptedBehavioursAreConsumedInOrderThenTheEchoResumes() throws Exception {
        fake.enqueue(FakeBehaviour.reply(200, "{\"scripted\":true}"));
        var body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
        assertThat(chat(body).body().get("scripted").asBoolean()).isTrue();
        assertThat(chat(body).body().at("/choices/0/message/content").asText()).isEqualTo("Echo: ping");
    }
}

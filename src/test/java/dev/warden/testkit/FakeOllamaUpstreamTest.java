package dev.warden.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake itself must be as strict as Ollama, or the provider tests prove nothing. */
class FakeOllamaUpstreamTest {
    private final FakeOllamaUpstream fake = FakeOllamaUpstream.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(fake.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void streamsWhenStreamIsAbsent() throws Exception {
        var response = post("/api/chat", "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue(FakeOllamaUpstream.NDJSON);
        var lines = response.body().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).contains("\"done\":true");
        var whole = post("/api/chat", "{\"model\":\"llama3.2\",\"stream\":false,\"messages\":[]}");
        assertThat(whole.body().split("\n")).hasSize(1);
    }

    @Test
    void rejectsMalformedRequestsWithOllamasErrors() throws Exception {
        var notJson = post("/api/chat", "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).startsWith("{\"error\":\"invalid character");
        var noModel = post("/api/chat", "{\"messages\":[]}");
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(noModel.body()).isEqualTo("{\"error\":\"model is required\"}");
        var unknown = post("/api/chat", "{\"model\":\"llama9\",\"messages\":[]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"model 'llama9' not found\"}");
        var role = post("/api/chat", "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"developer\",\"content\":\"x\"}]}");
        assertThat(role.statusCode()).isEqualTo(400);
        var stringArgs = post("/api/chat", "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"assistant\","
                + "\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"w\",\"arguments\":\"{}\"}}]}]}");
        assertThat(stringArgs.statusCode()).isEqualTo(400);
        assertThat(stringArgs.body()).contains("cannot unmarshal string");
        var dataUrl = post("/api/chat", "{\"model\":\"llava\",\"messages\":[{\"role\":\"user\",\"content\":\"x\","
                + "\"images\":[\"data:image/png;base64,AAAA\"]}]}");
        assertThat(dataUrl.statusCode()).isEqualTo(400);
        assertThat(dataUrl.body()).contains("illegal base64 data at input byte 4");
        var badInput = post("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":[1,2]}");
        assertThat(badInput.body()).isEqualTo("{\"error\":\"invalid input type\"}");
        assertThat(post("/api/nope", "{}").statusCode()).isEqualTo(404);
        assertThat(fake.requests()).hasSize(8);
    }
}

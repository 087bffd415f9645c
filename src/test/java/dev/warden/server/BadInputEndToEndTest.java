package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets the OpenAI error shape with the right status, and the server keeps serving. */
class BadInputEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Bearer " + RunningGateway.MASTER_KEY;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start("""
                server:
                  host: 127.0.0.1
                  port: 0
                  max_body_size: 4KB
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                """, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** After each bad request, a good one still works: nothing was left broken. */
    @AfterEach
    void stillServing() throws Exception {
        var ok = gateway.postJson("/v1/chat/completions",
                "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"still there?\"}]}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).at("/choices/0/message/content").asText()).contains("still there?");
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        var body = JSON.readTree(response.body());
        var error = body.get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.fieldNames()).toIterable().contains("message", "type", "param", "code");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return error;
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        var big = "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(8_000) + "\"}]}";
        var error = error(gateway.postJson("/v1/chat/completions", big), 413);
        assertThat(error.get("message").asText()).contains("4096");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        var big = ("{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "y".repeat(8_000) + "\"}]}")
                .getBytes();
        var request = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        error(gateway.send(request), 413);
    }

    @Test
    void malformedJsonIs400WithThePosition() throws Exception {
        var error = error(gateway.postJson("/v1/chat/completions", "{\"model\": \"echo\",\n \"messages\": [}"), 400);
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("line 2").contains("column");
    }

    @Test
    void aMissingFieldIs400NamingIt() throws Exception {
        var error = error(gateway.postJson("/v1/chat/completions", "{\"model\":\"echo\"}"), 400);
        assertThat(error.get("param").asText()).isEqualTo("messages");
    }

    @Test
    void aMistypedFieldIs400NamingItsPath() throws Exception {
        var error = error(gateway.postJson("/v1/chat/completions",
                "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":42}]}"), 400);
        assertThat(error.get("param").asText()).isEqualTo("messages[0].content");
        var temperature = error(gateway.postJson("/v1/chat/completions",
                "{\"model\":\"echo\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                400);
        assertThat(temperature.get("param").asText()).isEqualTo("temperature");
    }

    @Test
    void anUnknownModelIs404ModelNotFound() throws Exception {
        var error = error(gateway.postJson("/v1/chat/completions",
                "{\"model\":\"gpt-17\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 404);
        assertThat(error.get("code").asText()).isEqualTo("model_not_found");
        assertThat(error.get("message").asText()).contains("gpt-17");
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        var response = gateway.get("/v1/chat/completions", "Authorization", AUTH);
        error(response, 405);
        assertThat(response.headers().firstValue("allow")).contains("POST");
        var delete = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/models")).DELETE().build());
        error(delete, 405);
    }

    @Test
    void aNonJsonContentTypeIs415() throws Exception {
        var response = gateway.post("/v1/chat/completions",
                "model=echo&messages=hi", "Authorization", AUTH, "Content-Type", "application/x-www-form-urlencoded");
        var error = error(response, 415);
        assertThat(error.get("message").asText()).contains("application/json");
    }

    @Test
    void anUnknownUrlIs404() throws Exception {
        var error = error(gateway.postJson("/v1/chat/completion", "{}"), 404);
        assertThat(error.get("code").asText()).isEqualTo("unknown_url");
    }

    @Test
    void noKeyOrAWrongKeyIs401EvenBeforeTheBodyIsRead() throws Exception {
        error(gateway.post("/v1/chat/completions", "{not json", "Content-Type", "application/json"), 401);
        var wrong = error(gateway.post("/v1/chat/completions", "{not json", "Authorization", "Bearer sk-nope",
                "Content-Type", "application/json"), 401);
        assertThat(wrong.get("type").asText()).isEqualTo("authentication_error");
        var viaHeader = gateway.post("/v1/chat/completions",
                "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "x-api-key", RunningGateway.MASTER_KEY, "Content-Type", "application/json");
        assertThat(viaHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void pathsWithoutTheV1PrefixWorkToo() throws Exception {
        var response = gateway.postJson("/chat/completions",
                "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"no prefix\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.get("/models", "Authorization", AUTH).statusCode()).isEqualTo(200);
    }

    @Test
    void healthEndpointsNeedNoKey() {
        assertThat(gateway.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/health/ready").body()).contains("ready");
    }

    @Test
    void rejectedRequestsAreInTheAccessLogWithTheirStatus() throws Exception {
        var response = gateway.postJson("/v1/chat/completions",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        var last = JSON.readTree(gateway.awaitLogLine(response.headers().firstValue("x-request-id").orElseThrow()));
        assertThat(last.get("status").asInt()).isEqualTo(404);
        assertThat(last.get("outcome").asText()).isEqualTo("error");
        assertThat(last.get("model").asText()).isEqualTo("nope");
    }
}

package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.errors.OpenAIException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What clients see when the upstream fails, stalls, or cuts a stream, and what happens when a client leaves. */
class UpstreamFailureEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeOpenAiUpstream upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start();
        gateway = RunningGateway.start("""
                deployments:
                  - name: fake
                    provider: openai-compatible
                    base_url: ${UPSTREAM}
                    api_key: ${UPSTREAM_KEY}
                  - name: impatient
                    provider: openai-compatible
                    base_url: ${UPSTREAM}
                    api_key: ${UPSTREAM_KEY}
                    timeouts:
                      first_byte: 1s
                      stream_idle: 1s
                  - name: wrong-key
                    provider: openai-compatible
                    base_url: ${UPSTREAM}
                    api_key: sk-not-the-right-key-at-all
                  - name: nowhere
                    provider: openai-compatible
                    base_url: http://127.0.0.1:9/v1
                models:
                  - name: gpt
                    deployment: fake
                    model: gpt-4o
                  - name: gpt-impatient
                    deployment: impatient
                    model: gpt-4o
                  - name: gpt-wrong-key
                    deployment: wrong-key
                    model: gpt-4o
                  - name: gpt-nowhere
                    deployment: nowhere
                    model: gpt-4o
                """, Map.of("UPSTREAM", upstream.baseUrl().toString(), "UPSTREAM_KEY", upstream.apiKey()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var error = JSON.readTree(response.body()).get("error");
        assertThat(error).as(response.body()).isNotNull();
        return error;
    }

    @Test
    void anUpstream500IsA502AndA503StaysA503() throws Exception {
        upstream.enqueue(FakeBehaviour.serverError(500));
        error(gateway.postJson("/v1/chat/completions", chat("gpt", false)), 502);
        upstream.enqueue(FakeBehaviour.serverError(503));
        error(gateway.postJson("/v1/chat/completions", chat("gpt", false)), 503);
    }

    @Test
    void anUpstream429PassesItsRetryAfterToTheSdk() {
        upstream.enqueue(FakeBehaviour.rateLimited("7"));
        assertThatThrownBy(() -> gateway.openAi().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt").addUserMessage("hi").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.headers().values("retry-after")).containsExactly("7");
                    assertThat(e.code()).contains("rate_limit_exceeded");
                });
    }

    @Test
    void anUpstream400KeepsItsMessageAndParam() throws Exception {
        upstream.enqueue(FakeBehaviour.reply(400, """
                {"error":{"message":"Invalid value for 'logit_bias': must map token ids.","type":"invalid_request_error",
                 "param":"logit_bias","code":"invalid_value"}}"""));
        var error = error(gateway.postJson("/v1/chat/completions", chat("gpt", false)), 400);
        assertThat(error.get("param").asText()).isEqualTo("logit_bias");
        assertThat(error.get("message").asText()).contains("logit_bias");
    }

    @Test
    void anUpstreamThatRejectsTheGatewaysKeyIsA502ThatLeaksNothing() throws Exception {
        var response = gateway.postJson("/v1/chat/completions", chat("gpt-wrong-key", false));
        var error = error(response, 502);
        assertThat(error.get("code").asText()).isEqualTo("upstream_auth_failed");
        assertThat(response.body()).doesNotContain("sk-not").doesNotContain("127.0.0.1")
                .doesNotContain(String.valueOf(upstream.baseUrl().getPort()));
    }

    @Test
    void anUnreachableUpstreamIsA502AndASilentOneIsA504() throws Exception {
        var refused = gateway.postJson("/v1/chat/completions", chat("gpt-nowhere", false));
        error(refused, 502);
        assertThat(refused.body()).doesNotContain("127.0.0.1:9");

        upstream.enqueue(FakeBehaviour.hang(3_000));
        var error = error(gateway.postJson("/v1/chat/completions", chat("gpt-impatient", false)), 504);
        assertThat(error.get("type").asText()).isEqualTo("timeout_error");
    }

    @Test
    void aTruncatedUpstreamStreamEndsWithAnErrorEventAndNoDone() throws Exception {
        upstream.enqueue(FakeBehaviour.streamThenCut(List.of(chunk("{\"role\":\"assistant\",\"content\":\"\"}"),
                chunk("{\"content\":\"Half an ans\"}")), 10));
        var response = gateway.postJson("/v1/chat/completions", chat("gpt", true));

        assertThat(response.statusCode()).isEqualTo(200);
        var events = dataLines(response.body());
        assertThat(events).doesNotContain("[DONE]");
        var last = JSON.readTree(events.getLast());
        assertThat(last.at("/error/code").asText()).isEqualTo("stream_truncated");
        assertThat(response.body()).contains("Half an ans");

        var line = JSON.readTree(gateway.awaitLogLine(response.headers().firstValue("x-request-id").orElseThrow()));
        assertThat(line.get("outcome").asText()).isEqualTo("truncated");
    }

    @Test
    void theSdkSeesATruncatedStreamAsAnErrorNotAsACompleteAnswer() {
        upstream.enqueue(FakeBehaviour.streamThenCut(List.of(chunk("{\"content\":\"partial\"}")), 0));
        assertThatThrownBy(() -> {
            try (var stream = gateway.openAi().chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().model("gpt").addUserMessage("hi").build())) {
                stream.stream().forEach(chunk -> { });
            }
        }).isInstanceOf(OpenAIException.class).hasMessageContaining("ended before it was complete");
    }

    @Test
    void anUpstreamStreamThatGoesSilentIsCutAfterTheIdleTimeout() throws Exception {
        upstream.enqueue(FakeBehaviour.stream(List.of(chunk("{\"content\":\"first\"}"),
                chunk("{\"content\":\" never\"}")), 4_000));
        var response = gateway.postJson("/v1/chat/completions", chat("gpt-impatient", true));
        var events = dataLines(response.body());
        assertThat(response.body()).contains("first");
        assertThat(events).doesNotContain("[DONE]");
        assertThat(events.getLast()).contains("stream_truncated");
        assertThat(response.body()).doesNotContain("never");
    }

    @Test
    void aClientThatDisconnectsMidStreamCancelsTheUpstreamRequest() throws Exception {
        var many = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            many.add(chunk("{\"content\":\"word" + i + " \"}"));
        }
        upstream.enqueue(FakeBehaviour.stream(many, 50));
        int aborted = upstream.streamsAbortedByPeer();
        var request = HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .header("Authorization", "Bearer " + RunningGateway.MASTER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(chat("gpt", true))).build();
        var response = gateway.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body();
                var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("data: ");
        }

        assertThat(upstream.awaitStreamsAbortedByPeer(aborted + 1, Duration.ofSeconds(10)))
                .as("the upstream saw its connection closed").isTrue();
        var line = JSON.readTree(gateway.awaitLogLine(response.headers().firstValue("x-request-id").orElseThrow()));
        assertThat(line.get("outcome").asText()).isEqualTo("client_gone");
    }

    static List<String> dataLines(String sse) {
        return sse.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }

    private static String chunk(String delta) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":null}]}";
    }
}

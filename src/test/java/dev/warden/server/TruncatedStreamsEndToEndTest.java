package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An upstream stream that ends early is an error in every caller's dialect, never a clean end. */
class TruncatedStreamsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeOpenAiUpstream upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start();
        gateway = RunningGateway.start("""
                deployments:
                  - {name: fake, provider: openai-compatible, base_url: "${UPSTREAM}", api_key: "${KEY}"}
                models:
                  - {name: gpt, deployment: fake, model: gpt-4o}
                """, Map.of("UPSTREAM", upstream.baseUrl().toString(), "KEY", upstream.apiKey()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    private static void cutAfterSomeText() {
        upstream.enqueue(FakeBehaviour.streamThenCut(List.of(
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":"
                        + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Half an\"},"
                        + "\"finish_reason\":null}]}"), 0));
    }

    @Test
    void theAnthropicSdkSeesAnErrorEventAndNoMessageStop() {
        cutAfterSomeText();
        var client = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port())
                .apiKey(RunningGateway.MASTER_KEY).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
        var stops = new int[1];
        assertThatThrownBy(() -> {
            try (var stream = client.messages().createStreaming(MessageCreateParams.builder().model("gpt")
                    .maxTokens(100).addUserMessage("hi").build())) {
                stream.stream().forEach(event -> event.messageStop().ifPresent(stop -> stops[0]++));
            }
        }).hasMessageContaining("ended before it was complete");
        assertThat(stops[0]).isZero();
    }

    @Test
    void anOllamaClientGetsAnErrorLineAndNoDoneLine() throws Exception {
        cutAfterSomeText();
        var response = gateway.postJson("/api/chat",
                "{\"model\":\"gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        var lines = response.body().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(lines.getFirst().at("/message/content").asText()).isEqualTo("Half an");
        assertThat(lines).noneMatch(line -> line.path("done").asBoolean());
        assertThat(lines.getLast().get("error").asText()).contains("ended before it was complete");
    }
}

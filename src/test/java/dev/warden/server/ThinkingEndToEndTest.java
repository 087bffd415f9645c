package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import dev.warden.RunningGateway;
import dev.warden.testkit.AnthropicBehaviour;
import dev.warden.testkit.AnthropicEvents;
import dev.warden.testkit.FakeAnthropicUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Claude Code with extended thinking through Warden: the streamed thinking keeps its signature, so the client can
 * send the block back on the next (tool-use) turn, which Anthropic requires.
 */
class ThinkingEndToEndTest {

    @Test
    void streamedThinkingReachesTheAnthropicSdkWithItsSignature() {
        try (var upstream = FakeAnthropicUpstream.start()) {
            var gateway = RunningGateway.start("""
                    deployments:
                      - {name: claude, provider: anthropic, base_url: "${URL}", api_key: "${KEY}"}
                    models:
                      - {name: claude, deployment: claude, model: claude-sonnet-4-5}
                    """, Map.of("URL", upstream.baseUrl().toString(), "KEY", upstream.apiKey()));
            try {
                upstream.enqueue(AnthropicBehaviour.stream(List.of(
                        AnthropicEvents.messageStart("claude-sonnet-4-5", 9),
                        AnthropicEvents.thinkingStart(0), AnthropicEvents.thinkingDelta(0, "Let me think."),
                        AnthropicEvents.signatureDelta(0, "EqQBCgIYAhIMsig"), AnthropicEvents.blockStop(0),
                        AnthropicEvents.textStart(1), AnthropicEvents.textDelta(1, "Done."),
                        AnthropicEvents.blockStop(1), AnthropicEvents.messageDelta("end_turn", 12),
                        AnthropicEvents.messageStop()), 0));
                var client = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port())
                        .apiKey(RunningGateway.MASTER_KEY).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
                var thinking = new StringBuilder();
                var signature = new StringBuilder();
                var text = new StringBuilder();
                try (var stream = client.messages().createStreaming(MessageCreateParams.builder().model("claude")
                        .maxTokens(2000).addUserMessage("27 * 453?").build())) {
                    stream.stream().forEach(event -> event.contentBlockDelta().ifPresent(delta -> {
                        delta.delta().thinking().ifPresent(t -> thinking.append(t.thinking()));
                        delta.delta().signature().ifPresent(s -> signature.append(s.signature()));
                        delta.delta().text().ifPresent(t -> text.append(t.text()));
                    }));
                }
                assertThat(thinking).hasToString("Let me think.");
                assertThat(signature).hasToString("EqQBCgIYAhIMsig");
                assertThat(text).hasToString("Done.");
            } finally {
                gateway.close();
            }
        }
    }
}

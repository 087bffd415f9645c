package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeAnthropicUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression: Anthropic prompt caching was lost through Warden, because {@code cache_control} breakpoints were
 * accepted from the client and never sent upstream, so every request (Claude Code's especially) paid full price.
 */
class PromptCacheEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cacheControlFromTheAnthropicSdkReachesTheAnthropicUpstreamWhereItWasSet() throws Exception {
        try (var upstream = FakeAnthropicUpstream.start()) {
            var gateway = RunningGateway.start("""
                    deployments:
                      - {name: claude, provider: anthropic, base_url: "${URL}", api_key: "${KEY}"}
                    models:
                      - {name: claude, deployment: claude, model: claude-sonnet-4-5}
                    """, Map.of("URL", upstream.baseUrl().toString(), "KEY", upstream.apiKey()));
            try {
                var client = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port())
                        .apiKey(RunningGateway.MASTER_KEY).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
                var ephemeral = CacheControlEphemeral.builder().build();
                var hour = CacheControlEphemeral.builder().ttl(CacheControlEphemeral.Ttl.TTL_1H).build();
                client.messages().create(MessageCreateParams.builder().model("claude").maxTokens(100)
                        .systemOfTextBlockParams(List.of(
                                TextBlockParam.builder().text("You are terse.").cacheControl(hour).build()))
                        .addTool(Tool.builder().name("lookup")
                                .inputSchema(Tool.InputSchema.builder()
                                        .type(JsonValue.from("object")).build())
                                .cacheControl(ephemeral).build())
                        .addUserMessageOfContentBlockParams(List.of(
                                ContentBlockParam.ofText(TextBlockParam.builder().text("A long document.")
                                        .cacheControl(ephemeral).build()),
                                ContentBlockParam.ofText(TextBlockParam.builder().text("Summarise it.").build())))
                        .build());

                var body = JSON.readTree(upstream.lastRequest().body());
                var system = body.get("system");
                assertThat(system.isArray()).isTrue();
                assertThat(system.get(0).get("text").asText()).isEqualTo("You are terse.");
                assertThat(system.get(0).get("cache_control"))
                        .isEqualTo(JSON.readTree("{\"type\":\"ephemeral\",\"ttl\":\"1h\"}"));
                var content = body.get("messages").get(0).get("content");
                assertThat(content.get(0).get("cache_control")).isEqualTo(JSON.readTree("{\"type\":\"ephemeral\"}"));
                assertThat(content.get(1).has("cache_control")).isFalse();
                assertThat(body.get("tools").get(0).get("cache_control"))
                        .isEqualTo(JSON.readTree("{\"type\":\"ephemeral\"}"));
            } finally {
                gateway.close();
            }
        }
    }
}

package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tool calls an upstream makes reach Anthropic and Ollama clients whole: parallel calls, argument deltas spread over
 * chunks, and the tool-use stop reason — where gateways most often drop or garble them.
 */
class ToolCallsAcrossDialectsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeOpenAiUpstream upstream;
    private static RunningGateway gateway;
    private static AnthropicClient anthropic;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start();
        gateway = RunningGateway.start("""
                deployments:
                  - {name: fake, provider: openai-compatible, base_url: "${UPSTREAM}", api_key: "${KEY}"}
                models:
                  - {name: gpt, deployment: fake, model: gpt-4o}
                """, Map.of("UPSTREAM", upstream.baseUrl().toString(), "KEY", upstream.apiKey()));
        anthropic = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port())
                .apiKey(RunningGateway.MASTER_KEY).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    private static void upstreamStreamsTwoToolCalls() {
        upstream.enqueue(FakeBehaviour.stream(List.of(
                chunk("{\"role\":\"assistant\",\"content\":null}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_time\",\"arguments\":\"{\\\"tz\\\":\\\"CET\\\"}\"}}]}", null),
                chunk("{}", "tool_calls")), 5));
    }

    private static MessageCreateParams anthropicAsk() {
        var schema = Tool.InputSchema.builder().properties(Tool.InputSchema.Properties.builder()
                .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build()).build();
        return MessageCreateParams.builder().model("gpt").maxTokens(200)
                .addTool(Tool.builder().name("get_weather").inputSchema(schema).build())
                .addTool(Tool.builder().name("get_time").inputSchema(schema).build())
                .addUserMessage("Weather and time in Paris?").build();
    }

    @Test
    void anAnthropicClientGetsToolUseBlocksFromAnOpenAiUpstream() throws Exception {
        upstream.enqueue(FakeBehaviour.reply(200, """
                {"id":"chatcmpl-t","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,
                 "message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{\\"tz\\":\\"CET\\"}"}}]},
                 "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":30,"completion_tokens":20,"total_tokens":50}}
                """));
        var message = anthropic.messages().create(anthropicAsk());

        assertThat(message.stopReason().orElseThrow().asString()).isEqualTo("tool_use");
        var uses = message.content().stream().flatMap(block -> block.toolUse().stream()).toList();
        assertThat(uses).extracting(use -> use.name()).containsExactly("get_weather", "get_time");
        assertThat(uses.getFirst().id()).isEqualTo("call_a");
        assertThat(JSON.readTree(JSON.writeValueAsString(uses.getFirst()._input())).get("city").asText())
                .isEqualTo("Paris");
        assertThat(message.usage().outputTokens()).isEqualTo(20);
    }

    @Test
    void anAnthropicStreamCarriesEachToolCallsArgumentDeltasWhole() throws Exception {
        upstreamStreamsTwoToolCalls();
        var names = new ArrayList<String>();
        var arguments = new HashMap<Integer, StringBuilder>();
        var stopReason = new String[1];
        try (var stream = anthropic.messages().createStreaming(anthropicAsk())) {
            stream.stream().forEach(event -> {
                event.contentBlockStart().flatMap(start -> start.contentBlock().toolUse())
                        .ifPresent(use -> names.add(use.name()));
                event.contentBlockDelta().ifPresent(delta -> delta.delta().inputJson().ifPresent(json ->
                        arguments.computeIfAbsent((int) delta.index(), i -> new StringBuilder())
                                .append(json.partialJson())));
                event.messageDelta().flatMap(delta -> delta.delta().stopReason())
                        .ifPresent(reason -> stopReason[0] = reason.asString());
            });
        }
        assertThat(names).containsExactly("get_weather", "get_time");
        assertThat(arguments.values()).extracting(StringBuilder::toString)
                .containsExactlyInAnyOrder("{\"city\":\"Paris\"}", "{\"tz\":\"CET\"}");
        assertThat(stopReason[0]).isEqualTo("tool_use");
    }

    @Test
    void anOllamaClientGetsWholeToolCallsFromAStreamedUpstream() throws Exception {
        upstreamStreamsTwoToolCalls();
        var response = gateway.postJson("/api/chat", """
                {"model":"gpt","messages":[{"role":"user","content":"Weather and time in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}},
                          {"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var calls = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        boolean done = false;
        for (var line : response.body().lines().toList()) {
            var node = JSON.readTree(line);
            node.at("/message/tool_calls").forEach(calls::add);
            done |= node.path("done").asBoolean();
        }
        assertThat(done).isTrue();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(calls.get(0).at("/function/arguments/city").asText()).isEqualTo("Paris");
        assertThat(calls.get(1).at("/function/arguments/tz").asText()).isEqualTo("CET");
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }
}

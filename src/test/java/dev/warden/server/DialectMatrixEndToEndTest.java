package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.AssistantMessageParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeAnthropicUpstream;
import dev.warden.testkit.FakeBedrockUpstream;
import dev.warden.testkit.FakeGeminiUpstream;
import dev.warden.testkit.FakeOllamaUpstream;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client dialect against every upstream, through the running server: the official OpenAI and Anthropic SDKs
 * and a raw Ollama client, each talking to strict fakes of an OpenAI-compatible server, Anthropic, Bedrock, Gemini
 * and Ollama. Each fake answers "Echo: " and the last user text, and rejects malformed requests with the
 * provider's own 4xx, so an answer proves the translation both ways.
 */
class DialectMatrixEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeOpenAiUpstream openAiUpstream;
    private static FakeAnthropicUpstream anthropicUpstream;
    private static FakeBedrockUpstream bedrockUpstream;
    private static FakeGeminiUpstream geminiUpstream;
    private static FakeOllamaUpstream ollamaUpstream;
    private static RunningGateway gateway;
    private static OpenAIClient openAi;
    private static AnthropicClient anthropic;

    /** The model alias that routes to each upstream. */
    enum Upstream { OPENAI_COMPATIBLE, ANTHROPIC, BEDROCK, GEMINI, OLLAMA;
        String alias() {
            return "m-" + name().toLowerCase().replace('_', '-');
        }
    }

    enum Client { OPENAI_SDK, ANTHROPIC_SDK, OLLAMA_RAW }

    @BeforeAll
    static void start() {
        openAiUpstream = FakeOpenAiUpstream.start();
        anthropicUpstream = FakeAnthropicUpstream.start();
        bedrockUpstream = FakeBedrockUpstream.start();
        geminiUpstream = FakeGeminiUpstream.start();
        ollamaUpstream = FakeOllamaUpstream.start();
        gateway = RunningGateway.start("""
                deployments:
                  - name: compat
                    provider: openai-compatible
                    base_url: ${OPENAI_URL}
                    api_key: ${OPENAI_KEY}
                  - name: claude
                    provider: anthropic
                    base_url: ${ANTHROPIC_URL}
                    api_key: ${ANTHROPIC_KEY}
                  - name: aws
                    provider: bedrock
                    base_url: ${BEDROCK_URL}
                    region: us-east-1
                    aws_access_key_id: ${AWS_ID}
                    aws_secret_access_key: ${AWS_SECRET}
                  - name: google
                    provider: gemini
                    base_url: ${GEMINI_URL}
                    api_key: ${GEMINI_KEY}
                  - name: local
                    provider: ollama
                    base_url: ${OLLAMA_URL}
                models:
                  - {name: m-openai-compatible, deployment: compat, model: gpt-4o}
                  - {name: m-anthropic, deployment: claude, model: claude-sonnet-4-5}
                  - {name: m-bedrock, deployment: aws, model: "us.anthropic.claude-3-5-sonnet-20241022-v2:0"}
                  - {name: m-gemini, deployment: google, model: gemini-2.5-flash}
                  - {name: m-ollama, deployment: local, model: "llama3.2:latest"}
                """, Map.of(
                "OPENAI_URL", openAiUpstream.baseUrl().toString(), "OPENAI_KEY", openAiUpstream.apiKey(),
                "ANTHROPIC_URL", anthropicUpstream.baseUrl().toString(), "ANTHROPIC_KEY", anthropicUpstream.apiKey(),
                "BEDROCK_URL", bedrockUpstream.baseUrl().toString(), "AWS_ID", FakeBedrockUpstream.ACCESS_KEY_ID,
                "AWS_SECRET", FakeBedrockUpstream.SECRET,
                "GEMINI_URL", geminiUpstream.baseUrl().toString(), "GEMINI_KEY", FakeGeminiUpstream.API_KEY,
                "OLLAMA_URL", ollamaUpstream.baseUrl().toString()));
        openAi = gateway.openAi();
        anthropic = AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port())
                .apiKey(RunningGateway.MASTER_KEY).maxRetries(0).timeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        openAiUpstream.close();
        anthropicUpstream.close();
        bedrockUpstream.close();
        geminiUpstream.close();
        ollamaUpstream.close();
    }

    static Stream<Arguments> pairs() {
        var pairs = new ArrayList<Arguments>();
        for (var client : Client.values()) {
            for (var upstream : Upstream.values()) {
                pairs.add(Arguments.of(client, upstream));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aPlainAnswer(Client client, Upstream upstream) throws Exception {
        var prompt = "plain " + client + " to " + upstream;
        assertThat(ask(client, upstream, prompt, false)).isEqualTo("Echo: " + prompt);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aStreamedAnswer(Client client, Upstream upstream) throws Exception {
        var prompt = "streamed " + client + " to " + upstream;
        assertThat(ask(client, upstream, prompt, true)).isEqualTo("Echo: " + prompt);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void aConversationWithAToolCallAndItsResult(Client client, Upstream upstream) throws Exception {
        var answer = switch (client) {
            case OPENAI_SDK -> openAiToolTurn(upstream);
            case ANTHROPIC_SDK -> anthropicToolTurn(upstream);
            case OLLAMA_RAW -> ollamaToolTurn(upstream);
        };
        // Anthropic, Bedrock and Gemini carry the tool result inside the last user turn, so their echo shows it.
        assertThat(answer).startsWith("Echo: ").endsWith("Thanks, summarise it.");
        var sent = lastBody(upstream);
        assertThat(sent).contains("18C and sunny").contains("get_weather").contains("Paris");
    }

    private static String lastBody(Upstream upstream) {
        return switch (upstream) {
            case OPENAI_COMPATIBLE -> openAiUpstream.lastRequest().body();
            case ANTHROPIC -> anthropicUpstream.lastRequest().body();
            case BEDROCK -> bedrockUpstream.lastRequest().body();
            case GEMINI -> geminiUpstream.lastRequest().body();
            // Model discovery reads /api/tags in the background; the chat call is the last POST.
            case OLLAMA -> ollamaUpstream.requests().stream().filter(r -> r.method().equals("POST"))
                    .reduce((first, second) -> second).orElseThrow().body();
        };
    }

    private static String ask(Client client, Upstream upstream, String prompt, boolean stream) throws Exception {
        return switch (client) {
            case OPENAI_SDK -> stream ? openAiStream(upstream, prompt) : openAi.chat().completions().create(
                    ChatCompletionCreateParams.builder().model(upstream.alias()).addUserMessage(prompt).build())
                    .choices().getFirst().message().content().orElseThrow();
            case ANTHROPIC_SDK -> stream ? anthropicStream(upstream, prompt) : anthropic.messages().create(
                    MessageCreateParams.builder().model(upstream.alias()).maxTokens(256).addUserMessage(prompt)
                            .build()).content().getFirst().text().orElseThrow().text();
            case OLLAMA_RAW -> ollama(upstream, "[{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(prompt)
                    + "}]", "", stream);
        };
    }

    private static String openAiStream(Upstream upstream, String prompt) {
        var text = new StringBuilder();
        var finished = new boolean[1];
        try (var stream = openAi.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model(upstream.alias()).addUserMessage(prompt)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> {
                choice.delta().content().ifPresent(text::append);
                choice.finishReason().ifPresent(reason -> finished[0] = true);
            }));
        }
        assertThat(finished[0]).as("a finish reason arrived").isTrue();
        return text.toString();
    }

    private static String anthropicStream(Upstream upstream, String prompt) {
        var text = new StringBuilder();
        var stopped = new boolean[1];
        try (var stream = anthropic.messages().createStreaming(MessageCreateParams.builder()
                .model(upstream.alias()).maxTokens(256).addUserMessage(prompt).build())) {
            stream.stream().forEach(event -> {
                event.contentBlockDelta().flatMap(delta -> delta.delta().text())
                        .ifPresent(delta -> text.append(delta.text()));
                event.messageStop().ifPresent(stop -> stopped[0] = true);
            });
        }
        assertThat(stopped[0]).as("message_stop arrived").isTrue();
        return text.toString();
    }

    private static String ollama(Upstream upstream, String messages, String tools, boolean stream) throws Exception {
        var body = "{\"model\":\"" + upstream.alias() + "\",\"stream\":" + stream + ",\"messages\":" + messages
                + tools + "}";
        var response = gateway.postJson("/api/chat", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (!stream) {
            return JSON.readTree(response.body()).at("/message/content").asText();
        }
        assertThat(response.headers().firstValue("content-type")).contains("application/x-ndjson");
        var text = new StringBuilder();
        JsonNode last = null;
        for (var line : response.body().lines().toList()) {
            last = JSON.readTree(line);
            text.append(last.at("/message/content").asText());
        }
        assertThat(last.get("done").asBoolean()).as("the last line says done").isTrue();
        return text.toString();
    }

    private static String openAiToolTurn(Upstream upstream) {
        var call = ChatCompletionMessageFunctionToolCall.builder().id("call_1")
                .function(ChatCompletionMessageFunctionToolCall.Function.builder().name("get_weather")
                        .arguments("{\"city\":\"Paris\"}").build())
                .build();
        return openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(upstream.alias())
                .addTool(ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                        .function(FunctionDefinition.builder().name("get_weather")
                                .parameters(FunctionParameters.builder()
                                        .putAdditionalProperty("type", com.openai.core.JsonValue.from("object"))
                                        .putAdditionalProperty("properties", com.openai.core.JsonValue.from(
                                                Map.of("city", Map.of("type", "string"))))
                                        .build())
                                .build())
                        .build()))
                .addUserMessage("What is the weather in Paris?")
                .addMessage(ChatCompletionAssistantMessageParam.builder().addToolCall(call).build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_1").content("18C and sunny")
                        .build())
                .addUserMessage("Thanks, summarise it.")
                .build()).choices().getFirst().message().content().orElseThrow();
    }

    private static String anthropicToolTurn(Upstream upstream) {
        var tool = Tool.builder().name("get_weather").inputSchema(Tool.InputSchema.builder()
                .properties(Tool.InputSchema.Properties.builder()
                        .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                .build()).build();
        var message = anthropic.messages().create(MessageCreateParams.builder()
                .model(upstream.alias()).maxTokens(256)
                .addTool(tool)
                .addUserMessage("What is the weather in Paris?")
                .addMessage(AssistantMessageParam.builder().contentOfContentBlockParams(
                        java.util.List.of(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id("toolu_1")
                                .name("get_weather").input(ToolUseBlockParam.Input.builder()
                                        .putAdditionalProperty("city", JsonValue.from("Paris")).build())
                                .build()))).build())
                .addUserMessageOfContentBlockParams(java.util.List.of(
                        ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId("toolu_1")
                                .content("18C and sunny").build()),
                        ContentBlockParam.ofText("Thanks, summarise it.")))
                .build());
        return message.content().getFirst().text().orElseThrow().text();
    }

    private static String ollamaToolTurn(Upstream upstream) throws Exception {
        return ollama(upstream, """
                [{"role":"user","content":"What is the weather in Paris?"},
                 {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather",
                   "arguments":{"city":"Paris"}}}]},
                 {"role":"tool","content":"18C and sunny","tool_name":"get_weather"},
                 {"role":"user","content":"Thanks, summarise it."}]""", """
                ,"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]""", false);
    }
}

package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official openai-java SDK as the client, Warden in the middle, a strict fake OpenAI upstream behind it. */
class OpenAiSdkEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeOpenAiUpstream upstream;
    private static RunningGateway gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start();
        gateway = RunningGateway.start("""
                deployments:
                  - name: fake
                    provider: openai-compatible
                    base_url: ${UPSTREAM}
                    api_key: ${UPSTREAM_KEY}
                  - name: echo
                    provider: echo
                models:
                  - name: gpt
                    deployment: fake
                    model: gpt-4o
                  - name: embedder
                    deployment: fake
                    model: text-embedding-3-small
                  - name: instruct
                    deployment: fake
                    model: gpt-3.5-turbo-instruct
                  - name: echo
                    deployment: echo
                """, Map.of("UPSTREAM", upstream.baseUrl().toString(), "UPSTREAM_KEY", upstream.apiKey()));
        client = gateway.openAi();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void aChatCompletionReachesTheUpstreamUnderItsOwnNameAndCredential() throws Exception {
        var reply = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt")
                .addSystemMessage("Be terse.")
                .addUserMessage("Hello gateway")
                .temperature(0.3)
                .build());

        assertThat(reply.choices().getFirst().message().content()).contains("Echo: Hello gateway");
        assertThat(reply.choices().getFirst().finishReason().asString()).isEqualTo("stop");
        assertThat(reply.usage().orElseThrow().totalTokens()).isPositive();

        var sent = upstream.lastRequest();
        var body = JSON.readTree(sent.body());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.header("Authorization")).contains("Bearer " + upstream.apiKey());
        assertThat(sent.body()).doesNotContain(RunningGateway.MASTER_KEY);
    }

    @Test
    void streamingWithUsageDeliversEveryWordThenTheUsageChunk() {
        var chunks = new ArrayList<ChatCompletionChunk>();
        try (var stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model("gpt")
                .addUserMessage("stream these words please")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build())) {
            stream.stream().forEach(chunks::add);
        }
        var text = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        assertThat(text).hasToString("Echo: stream these words please");
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(chunks.getLast().usage().orElseThrow().completionTokens()).isPositive();
        assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.choices()).anySatisfy(
                c -> assertThat(c.finishReason().map(r -> r.asString())).contains("stop")));
    }

    @Test
    void withoutIncludeUsageTheClientGetsNoUsageChunkThoughWardenAskedTheUpstreamForIt() throws Exception {
        var chunks = new ArrayList<ChatCompletionChunk>();
        try (var stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model("gpt").addUserMessage("no usage for me").build())) {
            stream.stream().forEach(chunks::add);
        }
        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
        var body = JSON.readTree(upstream.lastRequest().body());
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void aToolCallRoundTripsThroughTheSdkTypes() throws Exception {
        upstream.enqueue(FakeBehaviour.reply(200, """
                {"id":"chatcmpl-t1","object":"chat.completion","created":1,"model":"gpt-4o",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather",
                     "arguments":"{\\"city\\":\\"Paris\\"}"}}]},"logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":10,"total_tokens":30}}
                """));
        var tool = ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder().name("get_weather").description("Weather by city")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of("city",
                                        Map.of("type", "string"))))
                                .build())
                        .build())
                .build());
        var first = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt").addUserMessage("Weather in Paris?").addTool(tool).build());

        var message = first.choices().getFirst().message();
        var call = message.toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.function().arguments()).get("city").asText()).isEqualTo("Paris");
        assertThat(first.choices().getFirst().finishReason().asString()).isEqualTo("tool_calls");
        assertThat(JSON.readTree(upstream.lastRequest().body()).get("tools").get(0).get("function").get("name")
                .asText()).isEqualTo("get_weather");

        var second = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt")
                .addUserMessage("Weather in Paris?")
                .addMessage(message)
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_1").content("18C, sunny")
                        .build())
                .addTool(tool)
                .build());
        assertThat(second.choices().getFirst().message().content()).isPresent();
        var sentMessages = JSON.readTree(upstream.lastRequest().body()).get("messages");
        assertThat(sentMessages.get(1).get("tool_calls").get(0).get("id").asText()).isEqualTo("call_1");
        assertThat(sentMessages.get(2).get("role").asText()).isEqualTo("tool");
        assertThat(sentMessages.get(2).get("tool_call_id").asText()).isEqualTo("call_1");
    }

    @Test
    void streamedParallelToolCallsAccumulateInTheSdk() {
        upstream.enqueue(FakeBehaviour.stream(List.of(
                chunk("{\"role\":\"assistant\",\"content\":null}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"get_time\",\"arguments\":\"{\\\"tz\\\":\\\"CET\\\"}\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null),
                chunk("{}", "tool_calls")), 5));
        var accumulator = ChatCompletionAccumulator.create();
        try (var stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model("gpt").addUserMessage("both please").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        var calls = accumulator.chatCompletion().choices().getFirst().message().toolCalls().orElseThrow();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).asFunction().function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(calls.get(1).asFunction().id()).isEqualTo("call_b");
        assertThat(calls.get(1).asFunction().function().arguments()).isEqualTo("{\"tz\":\"CET\"}");
        assertThat(accumulator.chatCompletion().choices().getFirst().finishReason().asString())
                .isEqualTo("tool_calls");
    }

    @Test
    void embeddingsComeBackAsTheUpstreamComputedThem() {
        var response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("embedder").input("the quick brown fox").build());
        var vector = response.data().getFirst().embedding();
        var expected = FakeOpenAiUpstream.embeddingFor("the quick brown fox");
        assertThat(vector).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(vector.get(i).floatValue()).isEqualTo(expected[i]);
        }
    }

    @Test
    void modelsListTheAliasesAndAnUnknownModelIs404() {
        var ids = new ArrayList<String>();
        client.models().list().autoPager().forEach(model -> ids.add(model.id()));
        assertThat(ids).containsExactly("gpt", "embedder", "instruct", "echo");
        assertThat(client.models().retrieve("gpt").id()).isEqualTo("gpt");
        assertThatThrownBy(() -> client.models().retrieve("no-such-model"))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).contains("model_not_found"));
    }

    @Test
    void deploymentSlashModelBypassesTheAliases() throws Exception {
        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("fake/gpt-4o-mini").addUserMessage("direct").build());
        assertThat(JSON.readTree(upstream.lastRequest().body()).get("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void legacyCompletionsWork() {
        var completion = client.completions().create(CompletionCreateParams.builder()
                .model("instruct").prompt("Say this is a test").maxTokens(7).build());
        assertThat(completion.choices().getFirst().text()).contains("Say this is a test");
    }

    @Test
    void theBuiltInEchoDemoAnswersWithoutAnyUpstream() {
        int before = upstream.requests().size();
        var reply = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("echo").addUserMessage("hi echo").build());
        assertThat(reply.choices().getFirst().message().content()).contains("[warden echo demo] hi echo");
        var text = new StringBuilder();
        try (var stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model("echo").addUserMessage("stream echo").build())) {
            stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
        }
        assertThat(text).hasToString("[warden echo demo] stream echo");
        assertThat(upstream.requests()).hasSize(before);
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
    }
}

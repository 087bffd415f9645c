package dev.warden.api.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers compared as JSON trees against fixtures built from the examples in Ollama's API reference. */
class ResponseEncodingTest {

    @Test
    void chatAnswerWithToolCallMatchesTheDocumentedExample() {
        var message = new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("call_1", "get_current_weather",
                "{\"format\":\"celsius\",\"location\":\"Paris, FR\"}")), null);
        var response = new ChatResponse("chatcmpl-1", "llama3.2", 1721680408,
                List.of(new Choice(0, message, FinishReason.TOOL_CALLS)), Usage.of(122, 33), null);

        byte[] json = Fixtures.codec().encodeChat(response, new OllamaTimings(885095291, 3753500, 328493000, 552222000));

        assertThat(Fixtures.tree(json)).isEqualTo(Fixtures.tree("chat_response_tool_calls.json"));
    }

    @Test
    void chatTextAnswerMatchesTheDocumentedExample() {
        var response = new ChatResponse("x", "llama3.2", 0, List.of(new Choice(0,
                Message.text(Role.ASSISTANT, "Hello! How are you today?"), FinishReason.STOP)), Usage.of(26, 298), null);

        byte[] json = Fixtures.codecAt("2023-12-12T14:13:43.416799Z")
                .encodeChat(response, new OllamaTimings(5191566416L, 2154458, 383809000, 4799921000L));

        assertThat(Fixtures.tree(json)).isEqualTo(Fixtures.tree("chat_response_text.json"));
    }

    @Test
    void chatAnswerCarriesThinkingAndMapsEveryFinishReason() {
        var message = new Message(Role.ASSISTANT, List.of(new ContentPart.Thinking("Hm.", "sig"),
                new ContentPart.Text("4"), new ContentPart.Text("2")), null);

        assertThat(Fixtures.tree(Fixtures.codec().encodeChat(chat(message, FinishReason.LENGTH))).get("message"))
                .isEqualTo(Fixtures.parse("{\"role\":\"assistant\",\"content\":\"42\",\"thinking\":\"Hm.\"}"));
        assertThat(doneReason(FinishReason.STOP)).isEqualTo("stop");
        assertThat(doneReason(FinishReason.LENGTH)).isEqualTo("length");
        assertThat(doneReason(FinishReason.TOOL_CALLS)).isEqualTo("stop");
        assertThat(doneReason(FinishReason.CONTENT_FILTER)).isEqualTo("content_filter");
        assertThat(doneReason(null)).isEqualTo("stop");
    }

    @Test
    void withoutTimingsDurationsAreZeroAndWithoutUsageCountsAreOmitted() {
        var response = new ChatResponse("x", "m", 0, List.of(new Choice(0, Message.text(Role.ASSISTANT, "hi"),
                FinishReason.STOP)), null, null);

        var tree = Fixtures.tree(Fixtures.codec().encodeChat(response));

        assertThat(tree.get("total_duration").asLong()).isZero();
        assertThat(tree.get("eval_duration").asLong()).isZero();
        assertThat(tree.has("prompt_eval_count")).isFalse();
        assertThat(tree.has("eval_count")).isFalse();
    }

    @Test
    void toolArgumentsThatAreNotAnObjectAreAnUpstreamError() {
        var message = new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("c", "f", "[1,2")), null);

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> Fixtures.codec().encodeChat(chat(message, FinishReason.TOOL_CALLS)));

        assertThat(e.error()).isInstanceOf(ApiError.Upstream.class);
        assertThat(e.error().status()).isEqualTo(502);
        assertThat(e.error().message()).contains("'f'");
    }

    @Test
    void emptyToolArgumentsAreAnEmptyObject() {
        var message = new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("c", "now", "")), null);

        var tree = Fixtures.tree(Fixtures.codec().encodeChat(chat(message, FinishReason.TOOL_CALLS)));

        assertThat(tree.at("/message/tool_calls/0/function/arguments")).isEqualTo(Fixtures.parse("{}"));
    }

    @Test
    void generateAnswerMatchesTheDocumentedExample() {
        var response = new ChatResponse("x", "llama3.2", 0, List.of(new Choice(0, Message.text(Role.ASSISTANT,
                "The sky is blue because it is the color of the sky."), FinishReason.STOP)), Usage.of(26, 290), null);

        byte[] json = Fixtures.codecAt("2023-08-04T19:22:45.499127Z")
                .encodeGenerate(response, new OllamaTimings(5043500667L, 5025959, 325953000, 4709213000L));

        assertThat(Fixtures.tree(json)).isEqualTo(Fixtures.tree("generate_response.json"));
    }

    @Test
    void embedAnswersInInputOrder() {
        var response = new EmbeddingResponse("all-minilm", List.of(
                new Embedding(1, new float[] {-0.5f, 0.75f, 0.0625f}),
                new Embedding(0, new float[] {0.5f, -0.25f, 0.125f})), Usage.of(8, 0));

        assertThat(Fixtures.tree(Fixtures.codec().encodeEmbed(response))).isEqualTo(Fixtures.tree("embed_response.json"));
    }

    @Test
    void legacyEmbeddingsAnswerOneVector() {
        var response = new EmbeddingResponse("all-minilm", List.of(new Embedding(0, new float[] {0.5f, -0.25f, 0.125f})),
                Usage.of(8, 0));

        assertThat(Fixtures.tree(Fixtures.codec().encodeLegacyEmbeddings(response)))
                .isEqualTo(Fixtures.tree("embeddings_legacy_response.json"));
    }

    @Test
    void tagsListEveryModelWithUnknownSizesAsZeroValues() {
        long modified = Instant.parse("2024-06-04T14:38:31Z").getEpochSecond();

        byte[] json = Fixtures.codec().encodeTags(List.of(new ModelInfo("llama3.2", "warden", modified),
                new ModelInfo("gpt-4o", "openai", 0)));

        assertThat(Fixtures.tree(json)).isEqualTo(Fixtures.tree("tags_response.json"));
        assertThat(Fixtures.tree(Fixtures.codec().encodeTags(List.of()))).isEqualTo(Fixtures.parse("{\"models\":[]}"));
    }

    @Test
    void showDescribesTheModelWithCapabilities() {
        var model = new ModelInfo("llama3.2", "warden", Instant.parse("2024-06-04T14:38:31Z").getEpochSecond());

        assertThat(Fixtures.tree(Fixtures.codec().encodeShow(model))).isEqualTo(Fixtures.tree("show_response.json"));
        assertThat(Fixtures.tree(Fixtures.codec().encodeShow(model, List.of("completion", "vision")))
                .get("capabilities")).isEqualTo(Fixtures.parse("[\"completion\",\"vision\"]"));
    }

    @Test
    void versionAndErrorBodies() {
        assertThat(Fixtures.tree(Fixtures.codec().encodeVersion("0.5.1")))
                .isEqualTo(Fixtures.parse("{\"version\":\"0.5.1\"}"));
        ApiError notFound = ApiError.NotFound.model("llama9");
        assertThat(Fixtures.tree(Fixtures.codec().encodeError(notFound))).isEqualTo(Fixtures.parse(
                "{\"error\":\"The model 'llama9' does not exist or you do not have access to it.\"}"));
        assertThat(notFound.status()).isEqualTo(404);
    }

    private static ChatResponse chat(Message message, FinishReason reason) {
        return new ChatResponse("x", "m", 0, List.of(new Choice(0, message, reason)), Usage.of(1, 1), null);
    }

    private static String doneReason(FinishReason reason) {
        var response = new ChatResponse("x", "m", 0, List.of(new Choice(0, Message.text(Role.ASSISTANT, ""), reason)),
                null, null);
        return Fixtures.tree(Fixtures.codec().encodeGenerate(response)).get("done_reason").asText();
    }
}

package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseEncodingTest {
    private final OpenAiCodec codec = OpenAiCodec.create();

    static ChatResponse textAnswer() {
        return new ChatResponse("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "gpt-4o-mini-2024-07-18", 1741569952,
                List.of(new Choice(0, Message.text(Role.ASSISTANT, "Hello! How can I help you today?"),
                        FinishReason.STOP)),
                Usage.of(19, 10), "fp_06737a9306");
    }

    static ChatResponse toolCallAnswer() {
        var calls = new Message(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("The user wants two cities; ", "sig"),
                new ContentPart.Thinking("call the tool twice.", null),
                new ContentPart.ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                new ContentPart.ToolCall("call_b", "get_weather", "{\"city\":\"Rome\"}")), null);
        return new ChatResponse("chatcmpl-tools-1", "deepseek-reasoner", 1741569999,
                List.of(new Choice(0, calls, FinishReason.TOOL_CALLS),
                        new Choice(1, Message.text(Role.ASSISTANT, "I cannot tell."), null)),
                new Usage(120, 80, 64, 30, false), null);
    }

    static Embedding[] vectors() {
        return new Embedding[] {
            new Embedding(0, new float[] {0.0023064255f, -0.009327292f, 1.5f}),
            new Embedding(1, new float[] {-1f, 0f, 0.25f})};
    }

    @Test
    void encodesTextChatCompletion() {
        assertThat(Fixtures.tree(codec.encodeChat(textAnswer()))).isEqualTo(Fixtures.tree("chat_response_text.json"));
    }

    @Test
    void encodesToolCallsWithNullContentAndReasoningExtension() {
        assertThat(Fixtures.tree(codec.encodeChat(toolCallAnswer())))
                .isEqualTo(Fixtures.tree("chat_response_tool_calls.json"));
    }

    @Test
    void omitsUsageAndFingerprintWhenUnknownAndKeepsEmptyTextAsString() {
        var response = new ChatResponse("id", "m", 1, List.of(new Choice(0,
                new Message(Role.ASSISTANT, List.of(), null), FinishReason.LENGTH)), null, null);

        JsonNode json = Fixtures.tree(codec.encodeChat(response));

        assertThat(json.has("usage")).isFalse();
        assertThat(json.has("system_fingerprint")).isFalse();
        assertThat(json.at("/choices/0/message/content").isTextual()).isTrue();
        assertThat(json.at("/choices/0/message").has("reasoning_content")).isFalse();
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void encodesLegacyTextCompletion() {
        var response = new CompletionResponse("cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7", "gpt-3.5-turbo-instruct", 1589478378,
                List.of(new CompletionResponse.TextChoice(0, "\n\nThis is indeed a test", FinishReason.LENGTH),
                        new CompletionResponse.TextChoice(1, " and another", FinishReason.STOP)),
                Usage.of(5, 7));

        assertThat(Fixtures.tree(codec.encodeCompletion(response)))
                .isEqualTo(Fixtures.tree("completion_response.json"));
    }

    @Test
    void encodesFloatEmbeddings() {
        var response = new EmbeddingResponse("text-embedding-3-small", List.of(vectors()), Usage.of(8, 0));

        assertThat(Fixtures.tree(codec.encodeEmbeddings(response, null)))
                .isEqualTo(Fixtures.tree("embeddings_response_float.json"));
        assertThat(Fixtures.tree(codec.encodeEmbeddings(response, "float")))
                .isEqualTo(Fixtures.tree("embeddings_response_float.json"));
    }

    @Test
    void encodesBase64EmbeddingsAsLittleEndianFloat32() {
        var response = new EmbeddingResponse("e", List.of(vectors()), Usage.of(8, 0));

        JsonNode json = Fixtures.tree(codec.encodeEmbeddings(response, "base64"));

        assertThat(Base64.getDecoder().decode(json.at("/data/1/embedding").asText())).containsExactly(
                0, 0, (byte) 0x80, (byte) 0xBF, // -1f = 0xBF800000, least significant byte first
                0, 0, 0, 0,                     // 0f
                0, 0, (byte) 0x80, 0x3E);       // 0.25f = 0x3E800000
        ByteBuffer first = ByteBuffer.wrap(Base64.getDecoder().decode(json.at("/data/0/embedding").asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new float[] {first.getFloat(), first.getFloat(), first.getFloat()})
                .containsExactly(0.0023064255f, -0.009327292f, 1.5f);
    }

    @Test
    void encodesModelListAndSingleModel() {
        var models = List.of(new ModelInfo("gpt-4o-mini", "openai", 1721172741),
                new ModelInfo("llama3.1:8b", "ollama-lab", 0));

        assertThat(Fixtures.tree(codec.encodeModels(models))).isEqualTo(Fixtures.tree("models_list.json"));
        assertThat(Fixtures.tree(codec.encodeModel(models.getFirst())))
                .isEqualTo(Fixtures.tree("models_list.json").at("/data/0"));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error(ApiError.InvalidRequest.of("bad", "messages[0].role"), "invalid_request_error",
                        "messages[0].role", null),
                error(new ApiError.InvalidRequest("bad", null, "invalid_value"), "invalid_request_error", null,
                        "invalid_value"),
                error(ApiError.NotFound.model("gpt-9"), "invalid_request_error", null, "model_not_found"),
                error(new ApiError.MethodNotAllowed("m"), "invalid_request_error", null, null),
                error(new ApiError.PayloadTooLarge("m"), "invalid_request_error", null, null),
                error(new ApiError.UnsupportedMediaType("m"), "invalid_request_error", null, null),
                error(new ApiError.Unauthenticated("m"), "authentication_error", null, null),
                error(new ApiError.PermissionDenied("m"), "permission_error", null, null),
                error(new ApiError.RateLimited("m", 3L), "rate_limit_error", null, "rate_limit_exceeded"),
                error(new ApiError.RequestTimeout("m"), "timeout_error", null, null),
                error(new ApiError.UpstreamTimeout("m"), "timeout_error", null, null),
                error(new ApiError.Internal("m"), "server_error", null, null),
                error(new ApiError.Unavailable("m"), "service_unavailable_error", null, null),
                error(new ApiError.Upstream(400, "m", "invalid_request_error", "tools", "bad_tool", null),
                        "invalid_request_error", "tools", "bad_tool"),
                error(new ApiError.Upstream(502, "m", null, null, null, null), "upstream_error", null, null));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void encodesEveryErrorVariantAsOpenAiErrorBody(ApiError error, String type, String param, String code) {
        JsonNode expected = Fixtures.tree(Fixtures.utf8("{\"error\":{\"message\":" + quote(error.message())
                + ",\"type\":\"" + type + "\",\"param\":" + quote(param) + ",\"code\":" + quote(code) + "}}"));

        assertThat(Fixtures.tree(codec.encodeError(error))).isEqualTo(expected);
    }

    private static Arguments error(ApiError error, String type, String param, String code) {
        return Arguments.of(error, type, param, code);
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}

package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidationTest {
    private static final String USER = "[{\"role\":\"user\",\"content\":\"hi\"}]";

    private final OpenAiCodec codec = OpenAiCodec.create();

    static Stream<Arguments> chatErrors() {
        return Stream.of(
                bad("{\"model\":\"m\",\"messages\": }", "Invalid JSON at line 1, column 26: ", null),
                bad("{\"model\":\"m\",\n\"messages\":[}", "Invalid JSON at line 2, column 13: ", null),
                bad("", "The request body is empty; expected a JSON object.", null),
                bad("  \n", "The request body is empty; expected a JSON object.", null),
                bad("[1,2]", "The request body must be a JSON object, got an array.", null),
                bad("\"hello\"", "The request body must be a JSON object, got a string.", null),
                bad("{\"model\":\"m\",\"messages\":" + USER + "} {}", "Invalid JSON at line 1, column 59: "
                        + "unexpected content after the JSON object.", null),
                bad("{\"messages\":" + USER + "}", "Missing required parameter: 'model'.", "model"),
                bad("{\"model\":\"\",\"messages\":" + USER + "}", "Missing required parameter: 'model'.", "model"),
                bad("{\"model\":7,\"messages\":" + USER + "}",
                        "Invalid type for 'model': expected a string, got a number.", "model"),
                bad("{\"model\":\"m\"}", "Missing required parameter: 'messages'.", "messages"),
                bad("{\"model\":\"m\",\"messages\":null}", "Missing required parameter: 'messages'.", "messages"),
                bad("{\"model\":\"m\",\"messages\":[]}", "Invalid 'messages': empty array.", "messages"),
                bad("{\"model\":\"m\",\"messages\":{}}",
                        "Invalid type for 'messages': expected an array, got an object.", "messages"),
                bad("{\"model\":\"m\",\"messages\":[\"hi\"]}",
                        "Invalid type for 'messages[0]': expected an object, got a string.", "messages[0]"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}",
                        "Invalid type for 'messages[0].content': expected a string or an array of content parts,"
                                + " got a number.", "messages[0].content"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}]}",
                        "Missing required parameter: 'messages[0].content'.", "messages[0].content"),
                bad("{\"model\":\"m\",\"messages\":[{\"content\":\"x\"}]}",
                        "Missing required parameter: 'messages[0].role'.", "messages[0].role"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}",
                        "Invalid value for 'messages[0].role': 'bot'.", "messages[0].role"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"function\",\"name\":\"f\",\"content\":\"x\"}]}",
                        "The 'function' role is deprecated", "messages[0].role"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"colour\":1}]}",
                        "Unrecognized parameter: 'messages[0].colour'.", "messages[0].colour"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                                + "{\"role\":\"tool\",\"content\":\"42\"}]}",
                        "Missing required parameter: 'messages[1].tool_call_id'.", "messages[1].tool_call_id"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":null}]}",
                        "Missing required parameter: 'messages[0].content'.", "messages[0].content"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\","
                                + "\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}]}",
                        "Missing required parameter: 'messages[0].tool_calls[0].function.arguments'.",
                        "messages[0].tool_calls[0].function.arguments"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                                + "\"a\"},{\"type\":\"input_audio\",\"input_audio\":{}}]}]}",
                        "Content part type 'input_audio' is not supported yet ('messages[0].content[1].type').",
                        "messages[0].content[1].type"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\"}]}]}",
                        "Content part type 'file' is not supported yet", "messages[0].content[0].type"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"image_url\","
                                + "\"image_url\":{\"url\":\"https://x/y.png\"}}]}]}",
                        "Content part type 'image_url' is only allowed in messages with role 'user'",
                        "messages[0].content[0].type"),
                bad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}",
                        "Missing required parameter: 'messages[0].content[0].text'.", "messages[0].content[0].text"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"max_tokens\":100,\"max_completion_tokens\":200}",
                        "'max_tokens' (100) and 'max_completion_tokens' (200) differ", "max_completion_tokens"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"max_tokens\":0}",
                        "Invalid 'max_tokens': expected an integer of at least 1, got 0.", "max_tokens"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"max_tokens\":1.5}",
                        "Invalid type for 'max_tokens': expected an integer, got a number.", "max_tokens"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"temperature\":2.5}",
                        "Invalid 'temperature': expected a value between 0 and 2, got 2.5.", "temperature"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"temperature\":-0.1}",
                        "Invalid 'temperature'", "temperature"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"temperature\":\"hot\"}",
                        "Invalid type for 'temperature': expected a number, got a string.", "temperature"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"top_p\":1.01}", "Invalid 'top_p'", "top_p"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"n\":0}", "Invalid 'n'", "n"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"presence_penalty\":3}",
                        "Invalid 'presence_penalty'", "presence_penalty"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"stop\":[\"a\",1]}",
                        "Invalid type for 'stop[1]': expected a string, got a number.", "stop[1]"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"stream\":\"yes\"}",
                        "Invalid type for 'stream': expected a boolean, got a string.", "stream"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"tools\":[{\"type\":\"function\","
                                + "\"function\":{\"description\":\"d\"}}]}",
                        "Missing required parameter: 'tools[0].function.name'.", "tools[0].function.name"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"tools\":[{\"type\":\"custom\",\"custom\":{}}]}",
                        "Tool type 'custom' is not supported yet", "tools[0].type"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"tool_choice\":\"always\"}",
                        "Invalid value for 'tool_choice': 'always'.", "tool_choice"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"tool_choice\":{\"type\":\"function\"}}",
                        "Missing required parameter: 'tool_choice.function'.", "tool_choice.function"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"response_format\":{\"type\":\"xml\"}}",
                        "Invalid value for 'response_format.type': 'xml'.", "response_format.type"),
                bad("{\"model\":\"m\",\"messages\":" + USER + ",\"response_format\":{\"type\":\"json_schema\","
                                + "\"json_schema\":{\"schema\":{}}}}",
                        "Missing required parameter: 'response_format.json_schema.name'.",
                        "response_format.json_schema.name"));
    }

    @ParameterizedTest
    @MethodSource("chatErrors")
    void rejectsInvalidChatRequests(String body, String messageStart, @Nullable String param) {
        ApiError.InvalidRequest error = invalid(() -> codec.decodeChat(Fixtures.utf8(body)));

        assertThat(error.message()).startsWith(messageStart);
        assertThat(error.param()).isEqualTo(param);
        assertThat(error.status()).isEqualTo(400);
    }

    @Test
    void malformedJsonMessageCarriesJacksonsReasonButNoSourceDump() {
        ApiError.InvalidRequest error = invalid(() -> codec.decodeChat(Fixtures.utf8("{\"model\": tru}")));

        assertThat(error.message()).startsWith("Invalid JSON at line 1, column ").contains("tru")
                .doesNotContain("Source:");
    }

    static Stream<Arguments> completionErrors() {
        return Stream.of(
                bad("{\"model\":\"m\"}", "Missing required parameter: 'prompt'.", "prompt"),
                bad("{\"model\":\"m\",\"prompt\":[1,2,3]}", "A prompt given as token ids is not supported yet",
                        "prompt"),
                bad("{\"model\":\"m\",\"prompt\":[[1,2]]}", "A prompt given as token ids is not supported yet",
                        "prompt"),
                bad("{\"model\":\"m\",\"prompt\":[]}", "Invalid 'prompt': empty array.", "prompt"),
                bad("{\"model\":\"m\",\"prompt\":{}}",
                        "Invalid type for 'prompt': expected a string or an array of strings, got an object.",
                        "prompt"),
                bad("{\"model\":\"m\",\"prompt\":\"x\",\"max_tokens\":-1}", "Invalid 'max_tokens'", "max_tokens"));
    }

    @ParameterizedTest
    @MethodSource("completionErrors")
    void rejectsInvalidCompletionRequests(String body, String messageStart, @Nullable String param) {
        ApiError.InvalidRequest error = invalid(() -> codec.decodeCompletion(Fixtures.utf8(body)));

        assertThat(error.message()).startsWith(messageStart);
        assertThat(error.param()).isEqualTo(param);
    }

    static Stream<Arguments> embeddingErrors() {
        return Stream.of(
                bad("{\"model\":\"m\"}", "Missing required parameter: 'input'.", "input"),
                bad("{\"model\":\"m\",\"input\":\"\"}", "Invalid 'input': empty string.", "input"),
                bad("{\"model\":\"m\",\"input\":[]}", "Invalid 'input': empty array.", "input"),
                bad("{\"model\":\"m\",\"input\":[\"a\",\"\"]}", "Invalid 'input[1]': empty string.", "input[1]"),
                bad("{\"model\":\"m\",\"input\":[\"a\",2]}",
                        "Invalid type for 'input[1]': expected a string, got a number.", "input[1]"),
                bad("{\"model\":\"m\",\"input\":[[1],[]]}", "Invalid 'input[1]': empty token array.", "input[1]"),
                bad("{\"model\":\"m\",\"input\":[1,\"a\"]}",
                        "Invalid type for 'input[1]': expected an integer token id, got a string.", "input[1]"),
                bad("{\"model\":\"m\",\"input\":\"a\",\"encoding_format\":\"int8\"}",
                        "Invalid value for 'encoding_format': 'int8'.", "encoding_format"),
                bad("{\"model\":\"m\",\"input\":\"a\",\"dimensions\":0}", "Invalid 'dimensions'", "dimensions"));
    }

    @ParameterizedTest
    @MethodSource("embeddingErrors")
    void rejectsInvalidEmbeddingRequests(String body, String messageStart, @Nullable String param) {
        ApiError.InvalidRequest error = invalid(() -> codec.decodeEmbeddings(Fixtures.utf8(body)));

        assertThat(error.message()).startsWith(messageStart);
        assertThat(error.param()).isEqualTo(param);
    }

    private static Arguments bad(String body, String messageStart, @Nullable String param) {
        return Arguments.of(body, messageStart, param);
    }

    private static ApiError.InvalidRequest invalid(Runnable decode) {
        ApiException thrown = catchThrowableOfType(ApiException.class, decode::run);
        assertThat(thrown).as("expected a 400").isNotNull();
        assertThat(thrown.error()).isInstanceOf(ApiError.InvalidRequest.class);
        return (ApiError.InvalidRequest) thrown.error();
    }
}

package dev.warden.api.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 400 of request decoding: worded like the Anthropic API, naming the parameter path. */
class RequestValidationTest {
    private final AnthropicCodec codec = AnthropicCodec.create();

    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    /** A valid body with {@code messages} and one more top-level fragment (may be empty). */
    private static String body(String messages, String more) {
        return "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[" + messages + "]" + (more.isEmpty() ? "" : ","
                + more) + "}";
    }

    private static String userBlocks(String blocks) {
        return body("{\"role\":\"user\",\"content\":[" + blocks + "]}", "");
    }

    private static String assistantBlocks(String blocks) {
        return body(USER + ",{\"role\":\"assistant\",\"content\":[" + blocks + "]}", "");
    }

    static Stream<Arguments> invalidMessagesBodies() {
        return Stream.of(
                Arguments.of("{\"model\":\"m\",\"messages\":[" + USER + "]}", "max_tokens: Field required"),
                Arguments.of(body(USER, "\"max_tokens\":0").replace("\"max_tokens\":10,", ""),
                        "max_tokens: Input should be greater than or equal to 1"),
                Arguments.of(body(USER, "").replace("10", "\"10\""), "max_tokens: Input should be a valid integer"),
                Arguments.of("{\"max_tokens\":10,\"messages\":[" + USER + "]}", "model: Field required"),
                Arguments.of("{\"model\":\"m\",\"max_tokens\":10}", "messages: Field required"),
                Arguments.of("{\"model\":\"m\",\"max_tokens\":10,\"messages\":{}}",
                        "messages: Input should be a valid list"),
                Arguments.of(body("{\"role\":\"system\",\"content\":\"Be nice\"}," + USER, ""),
                        "messages: Unexpected role \"system\". The Messages API accepts a top-level `system`"
                                + " parameter, not \"system\" as an input message role (a mid-conversation system"
                                + " message must immediately follow a user turn)."),
                Arguments.of(body("{\"role\":\"tool\",\"content\":\"x\"}", ""),
                        "messages.0.role: Input should be 'user', 'assistant' or 'system'"),
                Arguments.of(body(USER, "\"frequency_penalty\":0.5"),
                        "frequency_penalty: Extra inputs are not permitted"),
                Arguments.of(body("{\"role\":\"user\",\"content\":\"x\",\"name\":\"bob\"}", ""),
                        "messages.0.name: Extra inputs are not permitted"),
                Arguments.of(userBlocks("{\"type\":\"text\",\"text\":\"x\",\"foo\":1}"),
                        "messages.0.content.0.foo: Extra inputs are not permitted"),
                Arguments.of(body("{\"role\":\"user\",\"content\":42}", ""),
                        "messages.0.content: Input should be a valid string or a valid list"),
                Arguments.of(userBlocks("{\"type\":\"text\",\"text\":7}"),
                        "messages.0.content.0.text: Input should be a valid string"),
                Arguments.of(userBlocks("{\"type\":\"document\",\"source\":{}}"),
                        "messages.0.content.0.type: Content block type 'document' is not supported by this gateway"
                                + " yet"),
                Arguments.of(userBlocks("{\"type\":\"video\"}"), "messages.0.content.0: Input tag 'video' found"
                        + " using 'type' does not match any of the expected tags: 'text', 'image', 'tool_result'"),
                Arguments.of(userBlocks("{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{}}"),
                        "messages.0.content.0.type: 'tool_use' blocks are only allowed in assistant messages"),
                Arguments.of(assistantBlocks("{\"type\":\"tool_result\",\"tool_use_id\":\"t\"}"),
                        "messages.1.content.0.type: 'tool_result' blocks are only allowed in user messages"),
                Arguments.of(assistantBlocks("{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":\"{}\"}"),
                        "messages.1.content.0.input: Input should be a valid dictionary"),
                Arguments.of(assistantBlocks("{\"type\":\"thinking\",\"thinking\":\"x\"}"),
                        "messages.1.content.0.signature: Field required"),
                Arguments.of(userBlocks("{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                        + "\"image/bmp\",\"data\":\"Qk0=\"}}"), "messages.0.content.0.source.media_type: Input"
                        + " should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"),
                Arguments.of(userBlocks("{\"type\":\"image\",\"source\":{\"type\":\"file\",\"file_id\":\"f\"}}"),
                        "messages.0.content.0.source.type: Image source type 'file' is not supported by this"
                                + " gateway yet"),
                Arguments.of(userBlocks("{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":[{\"type\":"
                        + "\"document\"}]}"), "messages.0.content.0.content.0.type: Content block type 'document'"
                        + " is not supported by this gateway yet"),
                Arguments.of(assistantBlocks("{\"type\":\"text\",\"text\":\"x\",\"citations\":[{\"type\":"
                        + "\"char_location\"}]}"), "messages.1.content.0.citations: Text block citations is not"
                        + " supported by this gateway yet"),
                Arguments.of(body(USER, "\"system\":[{\"type\":\"image\"}]"), "system.0: Input tag 'image' found"
                        + " using 'type' does not match any of the expected tags: 'text'"),
                Arguments.of(body(USER, "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]"),
                        "tools.0.type: Server tool 'web_search_20250305' is not supported by this gateway yet"),
                Arguments.of(body(USER, "\"tools\":[{\"name\":\"f\"}]"), "tools.0.input_schema: Field required"),
                Arguments.of(body(USER, "\"tools\":[{\"name\":\"f\",\"input_schema\":{},\"input_examples\":[{}]}]"),
                        "tools.0.input_examples: Tool 'input_examples' is not supported by this gateway yet"),
                Arguments.of(body(USER, "\"tool_choice\":{\"type\":\"required\"}"), "tool_choice: Input tag"
                        + " 'required' found using 'type' does not match any of the expected tags: 'auto', 'any',"
                        + " 'tool', 'none'"),
                Arguments.of(body(USER, "\"tool_choice\":{\"type\":\"tool\"}"), "tool_choice.name: Field required"),
                Arguments.of(body(USER, "\"tool_choice\":{\"type\":\"none\",\"disable_parallel_tool_use\":true}"),
                        "tool_choice.disable_parallel_tool_use: Extra inputs are not permitted"),
                Arguments.of(body(USER, "\"temperature\":1.5"), "temperature: Input should be less than or equal"
                        + " to 1"),
                Arguments.of(body(USER, "\"top_p\":-0.1"), "top_p: Input should be greater than or equal to 0"),
                Arguments.of(body(USER, "\"top_k\":-1"), "top_k: Input should be greater than or equal to 0"),
                Arguments.of(body(USER, "\"stop_sequences\":[\"a\",1]"),
                        "stop_sequences.1: Input should be a valid string"),
                Arguments.of(body(USER, "\"stream\":\"yes\""), "stream: Input should be a valid boolean"),
                Arguments.of(body(USER, "\"metadata\":{\"user_id\":\"u\",\"session\":\"s\"}"),
                        "metadata.session: Extra inputs are not permitted"));
    }

    @ParameterizedTest
    @MethodSource("invalidMessagesBodies")
    void rejectsInvalidMessagesRequest(String body, String message) {
        ApiError.InvalidRequest error = invalid(() -> codec.decodeMessages(Fixtures.utf8(body)));

        assertThat(error.message()).isEqualTo(message);
        assertThat(error.param()).isEqualTo(message.substring(0, message.indexOf(':')));
    }

    static Stream<Arguments> invalidCountTokensBodies() {
        return Stream.of(
                Arguments.of(body(USER, ""), "max_tokens: Extra inputs are not permitted"),
                Arguments.of("{\"model\":\"m\",\"messages\":[" + USER + "],\"stream\":true}",
                        "stream: Extra inputs are not permitted"),
                Arguments.of("{\"messages\":[" + USER + "]}", "model: Field required"));
    }

    @ParameterizedTest
    @MethodSource("invalidCountTokensBodies")
    void rejectsInvalidCountTokensRequest(String body, String message) {
        assertThat(invalid(() -> codec.decodeCountTokens(Fixtures.utf8(body))).message()).isEqualTo(message);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("{\"model\": \"m\",\n \"max_tokens\": 10,,}", "Invalid JSON at line 2, column 19"),
                Arguments.of("", "The request body is empty; expected a JSON object."),
                Arguments.of("[1]", "The request body must be a JSON object, got a list."),
                Arguments.of("{\"model\":\"m\"} x", "Invalid JSON at line 1, column 15"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void malformedJsonIsA400WithItsPosition(String body, String messageStart) {
        ApiError.InvalidRequest error = invalid(() -> codec.decodeMessages(Fixtures.utf8(body)));

        assertThat(error.message()).startsWith(messageStart);
        assertThat(error.param()).isNull();
    }

    private static ApiError.InvalidRequest invalid(Runnable decode) {
        ApiException thrown = catchThrowableOfType(ApiException.class, decode::run);
        assertThat(thrown).as("expected a 400").isNotNull();
        assertThat(thrown.error()).isInstanceOf(ApiError.InvalidRequest.class);
        return (ApiError.InvalidRequest) thrown.error();
    }
}

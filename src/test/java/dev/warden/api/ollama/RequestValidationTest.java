package dev.warden.api.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 400 of request decoding: the status, the field it names and a message that names it too. */
class RequestValidationTest {
    private static final OllamaCodec CODEC = Fixtures.codec();
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    enum Endpoint {
        CHAT(CODEC::decodeChat), GENERATE(CODEC::decodeGenerate), EMBED(CODEC::decodeEmbed),
        EMBEDDINGS(CODEC::decodeLegacyEmbeddings), SHOW(CODEC::decodeShowModel);

        final Function<byte[], Object> decode;

        Endpoint(Function<byte[], Object> decode) {
            this.decode = decode;
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // Body and model, on every endpoint.
                args(Endpoint.CHAT, "", null, "the request body is empty; expected a JSON object"),
                args(Endpoint.CHAT, "[]", null, "the request body must be a JSON object, got an array"),
                args(Endpoint.CHAT, "{\"model\":\"m\"", null, "invalid JSON at line 1"),
                args(Endpoint.CHAT, "{} {}", null, "unexpected content after the JSON object"),
                args(Endpoint.CHAT, "{}", "model", "model is required"),
                args(Endpoint.CHAT, "{\"model\":\" \"}", "model", "model is required"),
                args(Endpoint.GENERATE, "{\"model\":7}", "model", "model: expected a string, got a number"),
                args(Endpoint.EMBED, "{\"input\":\"x\"}", "model", "model is required"),
                args(Endpoint.EMBEDDINGS, "{\"prompt\":\"x\"}", "model", "model is required"),
                args(Endpoint.SHOW, "{}", "model", "model is required"),
                // Chat messages.
                args(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":{}}", "messages",
                        "messages: expected an array, got an object"),
                args(Endpoint.CHAT, msg("\"x\""), "messages[0]", "messages[0]: expected an object, got a string"),
                args(Endpoint.CHAT, msg("{\"content\":\"hi\"}"), "messages[0].role", "messages[0].role is required"),
                args(Endpoint.CHAT, msg("{\"role\":\"bot\"}"), "messages[0].role",
                        "messages[0].role: invalid value 'bot'; expected 'system', 'user', 'assistant' or 'tool'"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}"),
                        "messages[0].content", "messages[0].content: expected a string, got an array"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"content\":\"hi\",\"name\":\"bob\"}"),
                        "messages[0].name", "messages[0].name: unknown field"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"images\":\"" + PNG + "\"}"), "messages[0].images",
                        "messages[0].images: expected an array, got a string"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"images\":[\"" + PNG + "\",1]}"),
                        "messages[0].images[1]", "messages[0].images[1]: expected a base64-encoded image, got a number"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"images\":[\"data:image/png;base64," + PNG + "\"]}"),
                        "messages[0].images[0]", "messages[0].images[0]: not valid base64 image data"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"images\":[\"aGVsbG8sIHdvcmxkISE=\"]}"),
                        "messages[0].images[0]",
                        "messages[0].images[0]: unsupported image format; expected PNG, JPEG, GIF or WebP"),
                args(Endpoint.CHAT, msg("{\"role\":\"system\",\"content\":\"x\",\"images\":[\"" + PNG + "\"]}"),
                        "messages[0].images", "messages[0].images: not allowed in a message with role 'system'"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"thinking\":\"hmm\"}"), "messages[0].thinking",
                        "messages[0].thinking: not allowed in a message with role 'user'"),
                args(Endpoint.CHAT, msg("{\"role\":\"user\",\"tool_calls\":[{\"function\":{\"name\":\"f\"}}]}"),
                        "messages[0].tool_calls", "messages[0].tool_calls: not allowed in a message with role 'user'"),
                args(Endpoint.CHAT, msg("{\"role\":\"assistant\",\"tool_name\":\"f\"}"), "messages[0].tool_name",
                        "messages[0].tool_name: not allowed in a message with role 'assistant'"),
                args(Endpoint.CHAT, msg("{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
                        + "\"arguments\":\"{}\"}}]}"), "messages[0].tool_calls[0].function.arguments",
                        "messages[0].tool_calls[0].function.arguments: expected an object, got a string"),
                args(Endpoint.CHAT, msg("{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"arguments\":{}}}]}"),
                        "messages[0].tool_calls[0].function.name", "messages[0].tool_calls[0].function.name is required"),
                args(Endpoint.CHAT, msg("{\"role\":\"assistant\",\"tool_calls\":[{\"type\":\"code\",\"function\":"
                        + "{\"name\":\"f\"}}]}"), "messages[0].tool_calls[0].type",
                        "messages[0].tool_calls[0].type: invalid value 'code'; expected 'function'"),
                args(Endpoint.CHAT, msg("{\"role\":\"tool\",\"content\":\"42\"}"), "messages[0]",
                        "messages[0]: a tool message must answer a tool call of the preceding assistant message"),
                args(Endpoint.CHAT, msg("{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\"}}]},"
                        + "{\"role\":\"tool\",\"content\":\"1\"},{\"role\":\"tool\",\"content\":\"2\"}"), "messages[2]",
                        "messages[2]: a tool message must answer a tool call"),
                args(Endpoint.CHAT, msg("{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\"}}]},"
                        + "{\"role\":\"tool\",\"content\":\"1\",\"tool_name\":\"g\"}"), "messages[1].tool_name",
                        "messages[1].tool_name: no unanswered tool call named 'g'"),
                // Tools, format, options, stream.
                args(Endpoint.CHAT, "{\"model\":\"m\",\"tools\":[{\"type\":\"retrieval\"}]}", "tools[0].type",
                        "tools[0].type: invalid value 'retrieval'; expected 'function'"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"tools\":[{\"type\":\"function\"}]}", "tools[0].function",
                        "tools[0].function is required"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"tools\":[{\"function\":{\"name\":\"f\",\"parameters\":[]}}]}",
                        "tools[0].function.parameters", "tools[0].function.parameters: expected an object, got an array"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"format\":\"xml\"}", "format",
                        "format: invalid value 'xml'; expected \"json\" or a JSON schema object"),
                args(Endpoint.GENERATE, "{\"model\":\"m\",\"format\":true}", "format",
                        "format: expected \"json\" or a JSON schema object, got a boolean"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":[]}", "options",
                        "options: expected an object, got an array"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"temperature\":\"hot\"}}", "options.temperature",
                        "options.temperature: expected a number, got a string"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"num_predict\":0}}", "options.num_predict",
                        "options.num_predict: expected a positive integer, or -1 or -2 for no limit, got 0"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"num_predict\":-3}}", "options.num_predict",
                        "got -3"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"top_k\":1.5}}", "options.top_k",
                        "options.top_k: expected an integer, got a number"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"seed\":\"42\"}}", "options.seed",
                        "options.seed: expected an integer, got a string"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"stop\":\"\\n\"}}", "options.stop",
                        "options.stop: expected an array, got a string"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"options\":{\"stop\":[1]}}", "options.stop[0]",
                        "options.stop[0]: expected a string, got a number"),
                args(Endpoint.CHAT, "{\"model\":\"m\",\"stream\":\"yes\"}", "stream",
                        "stream: expected a boolean, got a string"),
                // Generate.
                args(Endpoint.GENERATE, "{\"model\":\"m\",\"prompt\":1}", "prompt", "prompt: expected a string, got a number"),
                args(Endpoint.GENERATE, "{\"model\":\"codellama:code\",\"prompt\":\"def f():\",\"suffix\":\"  return x\"}",
                        "suffix", "suffix is not supported: fill-in-the-middle"),
                args(Endpoint.GENERATE, "{\"model\":\"m\",\"prompt\":\"p\",\"template\":\"{{ .Prompt }}\"}", "template",
                        "template is not supported"),
                args(Endpoint.GENERATE, "{\"model\":\"m\",\"prompt\":\"[INST] hi [/INST]\",\"raw\":true}", "raw",
                        "raw is not supported"),
                args(Endpoint.GENERATE, "{\"model\":\"m\",\"prompt\":\"p\",\"context\":[1,2,3]}", "context",
                        "context is not supported"),
                args(Endpoint.GENERATE, "{\"model\":\"m\",\"prompt\":\"p\",\"images\":[\"aGVsbG8sIHdvcmxkISE=\"]}",
                        "images[0]", "images[0]: unsupported image format"),
                // Embeddings.
                args(Endpoint.EMBED, "{\"model\":\"m\"}", "input", "input is required"),
                args(Endpoint.EMBED, "{\"model\":\"m\",\"input\":\"\"}", "input", "input: must not be empty"),
                args(Endpoint.EMBED, "{\"model\":\"m\",\"input\":[]}", "input", "input: must not be empty"),
                args(Endpoint.EMBED, "{\"model\":\"m\",\"input\":[\"a\",2]}", "input[1]",
                        "input[1]: expected a string, got a number"),
                args(Endpoint.EMBED, "{\"model\":\"m\",\"input\":{}}", "input",
                        "input: expected a string or an array of strings, got an object"),
                args(Endpoint.EMBED, "{\"model\":\"m\",\"input\":\"x\",\"dimensions\":0}", "dimensions",
                        "dimensions: expected an integer of at least 1, got 0"),
                args(Endpoint.EMBEDDINGS, "{\"model\":\"m\"}", "prompt", "prompt is required"),
                args(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"prompt\":\"\"}", "prompt", "prompt: must not be empty"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("invalid")
    void rejectsWithA400NamingTheField(Endpoint endpoint, String body, @Nullable String param, String message) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> endpoint.decode.apply(Fixtures.utf8(body)));

        assertThat(e).as("no exception for %s", body).isNotNull();
        assertThat(e.error()).isInstanceOfSatisfying(ApiError.InvalidRequest.class, error -> {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.param()).isEqualTo(param);
            assertThat(error.message()).contains(message);
            if (param != null) {
                assertThat(error.message()).contains(param);
            }
        });
        // Rendered in Ollama's shape, the one field clients read carries the same message.
        assertThat(Fixtures.tree(CODEC.encodeError(e.error()))).isEqualTo(
                Fixtures.tree(Fixtures.utf8("{\"error\":" + quoted(e.error().message()) + "}")));
    }

    private static Arguments args(Endpoint endpoint, String body, @Nullable String param, String message) {
        return Arguments.of(endpoint, body, param, message);
    }

    private static String msg(String messages) {
        return "{\"model\":\"m\",\"messages\":[" + messages + "]}";
    }

    private static String quoted(String text) {
        return new com.fasterxml.jackson.databind.node.TextNode(text).toString();
    }
}

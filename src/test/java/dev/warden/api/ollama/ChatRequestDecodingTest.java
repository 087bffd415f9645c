package dev.warden.api.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRequestDecodingTest {
    private final OllamaCodec codec = Fixtures.codec();

    @Test
    void decodesTheDocumentedChatRequestWithHistoryToolsImagesFormatAndOptions() {
        ChatRequest request = codec.decodeChat(Fixtures.bytes("chat_request_full.json"));

        assertThat(request.model()).isEqualTo("llama3.2");
        assertThat(request.stream()).as("Ollama streams when stream is absent").isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.toolChoice()).isNull();
        assertThat(request.parallelToolCalls()).isNull();
        assertThat(request.user()).isNull();

        List<Message> m = request.messages();
        assertThat(m).hasSize(7);
        assertThat(m.get(0)).isEqualTo(Message.text(Role.SYSTEM, "You are a weather assistant."));
        assertThat(m.get(1).role()).isEqualTo(Role.USER);
        assertThat(m.get(1).parts()).containsExactly(
                new ContentPart.Text("What is the weather today in Paris and Tokyo? And what is in this picture?"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf"
                        + "FcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), null));
        assertThat(m.get(2)).isEqualTo(new Message(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("I should look up both cities.", null),
                new ContentPart.ToolCall("call_2_0", "get_current_weather",
                        "{\"format\":\"celsius\",\"location\":\"Paris, FR\"}"),
                new ContentPart.ToolCall("call_2_1", "get_current_weather",
                        "{\"format\":\"celsius\",\"location\":\"Tokyo, JP\"}")), null));
        // First result matched by tool_name, second by order of the calls still unanswered.
        assertThat(m.get(3)).isEqualTo(toolResult("call_2_0", "22 degrees celsius"));
        assertThat(m.get(4)).isEqualTo(toolResult("call_2_1", "18 degrees celsius"));
        assertThat(m.get(5)).isEqualTo(Message.text(Role.ASSISTANT,
                "Paris is 22 °C, Tokyo 18 °C. The picture is a single pixel."));
        assertThat(m.get(6)).as("roles are case-insensitive, as in Ollama").isEqualTo(Message.text(Role.USER, "Thanks!"));

        assertThat(request.tools()).hasSize(1);
        Tool tool = request.tools().getFirst();
        assertThat(tool.name()).isEqualTo("get_current_weather");
        assertThat(tool.description()).isEqualTo("Get the current weather for a location");
        assertThat(Fixtures.parse(tool.parameters().json()))
                .isEqualTo(Fixtures.tree("chat_request_full.json").at("/tools/0/function/parameters"));

        assertThat(request.responseFormat()).isInstanceOfSatisfying(ResponseFormat.JsonSchema.class, f -> {
            assertThat(f.name()).isEqualTo("response");
            assertThat(Fixtures.parse(f.schema().json()))
                    .isEqualTo(Fixtures.tree("chat_request_full.json").at("/format"));
        });

        assertThat(request.sampling()).isEqualTo(new Sampling(0.8, 0.9, 100, List.of("\n", "user:"), 42L, 1.5, 1.0,
                null, 20));
        assertThat(request.extra()).containsOnlyKeys("options", "keep_alive", "think");
        assertThat(Fixtures.parse(request.extra().get("options").json())).isEqualTo(
                Fixtures.parse("{\"num_keep\":5,\"min_p\":0.0,\"repeat_penalty\":1.2,\"mirostat\":1,\"num_ctx\":1024}"));
        assertThat(request.extra().get("keep_alive")).isEqualTo(RawJson.of("\"5m\""));
        assertThat(request.extra().get("think")).isEqualTo(RawJson.of("true"));
    }

    @Test
    void minimalRequestHasDefaultsAndNoExtra() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8(
                "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"why is the sky blue?\"}]}"));

        assertThat(request.stream()).isTrue();
        assertThat(request.sampling()).isEqualTo(Sampling.DEFAULTS);
        assertThat(request.extra()).isEmpty();
        assertThat(request.responseFormat()).isNull();
        assertThat(request.tools()).isEmpty();
        assertThat(codec.isLoadOnly(request)).isFalse();
    }

    @Test
    void streamFalseIsHonoured() {
        assertThat(codec.decodeChat(Fixtures.utf8("{\"model\":\"m\",\"stream\":false,\"messages\":[]}")).stream())
                .isFalse();
    }

    @Test
    void modelledOptionsOnlyLeaveNoOptionsInExtra() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8("{\"model\":\"m\",\"messages\":[],"
                + "\"options\":{\"temperature\":0,\"seed\":101}}"));

        assertThat(request.sampling().temperature()).isEqualTo(0.0);
        assertThat(request.sampling().seed()).isEqualTo(101L);
        assertThat(request.extra()).isEmpty();
    }

    @Test
    void numPredictMinusOneAndMinusTwoMeanNoLimit() {
        for (String value : List.of("-1", "-2")) {
            ChatRequest request = codec.decodeChat(Fixtures.utf8("{\"model\":\"m\",\"messages\":[],"
                    + "\"options\":{\"num_predict\":" + value + "}}"));
            assertThat(request.sampling().maxTokens()).as(value).isNull();
            assertThat(request.extra()).isEmpty();
        }
    }

    @Test
    void formatJsonIsJsonModeAndEmptyFormatIsNone() {
        assertThat(codec.decodeChat(Fixtures.utf8("{\"model\":\"m\",\"format\":\"json\"}")).responseFormat())
                .isEqualTo(new ResponseFormat.JsonObject());
        assertThat(codec.decodeChat(Fixtures.utf8("{\"model\":\"m\",\"format\":\"\"}")).responseFormat()).isNull();
    }

    @Test
    void imagesAreSniffedForEveryFormatVisionUpstreamsTake() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\",\"images\":["
                + "\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\","
                + "\"/9j/4AAQSkZJRgABAQA=\",\"R0lGODlhAQABAAAAACw=\",\"UklGRiQAAABXRUJQVlA4IA==\"]}]}";

        List<ContentPart> parts = codec.decodeChat(Fixtures.utf8(body)).messages().getFirst().parts();

        assertThat(parts).as("an empty text is not made into a part").hasSize(4)
                .extracting(p -> ((ImageSource.Base64) ((ContentPart.Image) p).source()).mediaType())
                .containsExactly("image/png", "image/jpeg", "image/gif", "image/webp");
    }

    @Test
    void clientGivenIdsAreKeptAndToolCallIdWinsOverName() {
        String body = "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_x\",\"function\":{\"index\":0,\"name\":\"a\","
                + "\"arguments\":{}}},{\"function\":{\"name\":\"b\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"B\",\"tool_name\":\"b\"},"
                + "{\"role\":\"tool\",\"content\":\"A\",\"tool_call_id\":\"call_x\"}]}";

        List<Message> m = codec.decodeChat(Fixtures.utf8(body)).messages();

        assertThat(m.get(0).toolCalls()).containsExactly(new ContentPart.ToolCall("call_x", "a", "{}"),
                new ContentPart.ToolCall("call_0_1", "b", "{}"));
        assertThat(m.get(1)).isEqualTo(toolResult("call_0_1", "B"));
        assertThat(m.get(2)).isEqualTo(toolResult("call_x", "A"));
    }

    @Test
    void aNewAssistantTurnReplacesTheUnansweredCalls() {
        String body = "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"a\",\"arguments\":{}}}]},"
                + "{\"role\":\"tool\",\"content\":\"1\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"a\",\"arguments\":{}}}]},"
                + "{\"role\":\"tool\",\"content\":\"2\",\"tool_name\":\"a\"}]}";

        List<Message> m = codec.decodeChat(Fixtures.utf8(body)).messages();

        assertThat(m.get(1)).isEqualTo(toolResult("call_0_0", "1"));
        assertThat(m.get(3)).isEqualTo(toolResult("call_2_0", "2"));
    }

    @Test
    void echoedResponseMessagesWithEmptyFieldsAreAccepted() {
        // ollama-python and the docs' examples carry "images": null and empty tool fields on assistant messages.
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":\"hi\",\"images\":null,"
                + "\"tool_name\":\"\",\"tool_calls\":[]},{\"role\":\"user\",\"content\":\"x\",\"tool_calls\":[]}]}";

        List<Message> m = codec.decodeChat(Fixtures.utf8(body)).messages();

        assertThat(m).containsExactly(Message.text(Role.ASSISTANT, "hi"), Message.text(Role.USER, "x"));
    }

    @Test
    void emptyMessagesIsALoadRequestAnsweredWithoutAnUpstream() {
        ChatRequest load = codec.decodeChat(Fixtures.utf8("{\"model\":\"llama3.2\",\"messages\":[]}"));
        ChatRequest unload = codec.decodeChat(Fixtures.utf8("{\"model\":\"llama3.2\",\"keep_alive\":0}"));

        assertThat(codec.isLoadOnly(load)).isTrue();
        assertThat(Fixtures.tree(codec.encodeChatLoad(load))).isEqualTo(Fixtures.parse("{\"model\":\"llama3.2\","
                + "\"created_at\":\"2024-07-22T20:33:28.123648Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done\":true,\"done_reason\":\"load\"}"));
        assertThat(Fixtures.tree(codec.encodeChatLoad(unload)).get("done_reason").asText()).isEqualTo("unload");
        ChatRequest unloadText = codec.decodeChat(Fixtures.utf8("{\"model\":\"m\",\"keep_alive\":\"0s\"}"));
        assertThat(Fixtures.tree(codec.encodeChatLoad(unloadText)).get("done_reason").asText()).isEqualTo("unload");
    }

    private static Message toolResult(String id, String text) {
        return new Message(Role.TOOL, List.of(new ContentPart.ToolResult(id, List.of(new ContentPart.Text(text)),
                false)), null);
    }
}

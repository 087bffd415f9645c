package dev.warden.api.openai;

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
import dev.warden.llm.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatRequestDecodingTest {
    private final OpenAiCodec codec = OpenAiCodec.create();

    @Test
    void decodesRecordedMultiTurnRequestWithTools() {
        ChatRequest request = codec.decodeChat(Fixtures.bytes("chat_request_full.json"));

        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.messages()).extracting(Message::role).containsExactly(Role.SYSTEM, Role.DEVELOPER,
                Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT, Role.USER);
        assertThat(request.messages().get(0).joinedText()).startsWith("You are Atlas");
        assertThat(request.messages().get(1).parts())
                .containsExactly(new ContentPart.Text("Prices are in EUR unless the user asks otherwise."));
        assertThat(request.messages().get(2).name()).isEqualTo("maria");

        Message calls = request.messages().get(3);
        assertThat(calls.parts()).containsExactly(
                new ContentPart.ToolCall("call_fl1", "search_flights",
                        "{\"from\":\"LIS\",\"to\":\"BER\",\"date\":\"2025-06-13\"}"),
                new ContentPart.ToolCall("call_wx1", "get_weather", "{\"city\":\"Berlin\",\"date\":\"2025-06-13\"}"));
        assertThat(request.messages().get(4).parts()).containsExactly(new ContentPart.ToolResult("call_fl1",
                List.of(new ContentPart.Text("[{\"flight\":\"TP558\",\"dep\":\"07:05\",\"arr\":\"11:40\",\"price\":142},"
                        + "{\"flight\":\"EW7117\",\"dep\":\"13:20\",\"arr\":\"17:55\",\"price\":98}]")), false));
        assertThat(request.messages().get(5).parts()).containsExactly(new ContentPart.ToolResult("call_wx1",
                List.of(new ContentPart.Text("{\"high_c\":24,\"low_c\":14,\"summary\":\"sunny\"}")), false));
        assertThat(request.messages().get(7).parts()).containsExactly(
                new ContentPart.Text("Book the cheaper one. Here is my passport photo page."),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
                        + "AAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), "low"));

        assertThat(request.tools()).extracting(Tool::name).containsExactly("search_flights", "get_weather",
                "book_flight");
        Tool search = request.tools().getFirst();
        assertThat(search.description()).isEqualTo("Search direct flights between two airports on a date.");
        assertThat(search.strict()).isTrue();
        assertThat(Fixtures.tree(Fixtures.utf8(search.parameters().json()))).isEqualTo(Fixtures.tree(Fixtures.utf8(
                "{\"type\":\"object\",\"properties\":{\"from\":{\"type\":\"string\",\"description\":\"IATA code\"},"
                        + "\"to\":{\"type\":\"string\",\"description\":\"IATA code\"},\"date\":{\"type\":\"string\","
                        + "\"format\":\"date\"}},\"required\":[\"from\",\"to\",\"date\"],\"additionalProperties\":false}")));
        assertThat(request.tools().get(1).strict()).isNull();

        assertThat(request.toolChoice()).isEqualTo(new ToolChoice.Auto());
        assertThat(request.parallelToolCalls()).isTrue();
        assertThat(request.sampling()).isEqualTo(new Sampling(0.2, 0.95, 512, List.of("\nUser:"), 42L, null, null,
                null, null));
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.user()).isEqualTo("user-7f3a");
        assertThat(request.responseFormat()).isNull();
        assertThat(request.extra()).containsOnlyKeys("logit_bias", "metadata", "store", "reasoning_effort",
                "service_tier");
        assertThat(request.extra().get("metadata"))
                .isEqualTo(RawJson.of("{\"tenant\": \"northwind\", \"trace\": \"a1b2\"}"));
    }

    @Test
    void keepsUnknownTopLevelFieldsVerbatim() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],
                 "logit_bias": { "50256" : -100 }, "logprobs":true, "top_logprobs": 3,
                 "prediction":{"type":"content","content":"caf\\u00e9 ☕"}, "modalities":["text"],
                 "weird_number": 1.50e3, "note": "say \\"hi\\"", "nothing": null}
                """));

        assertThat(request.extra()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "logit_bias", RawJson.of("{ \"50256\" : -100 }"),
                "logprobs", RawJson.of("true"),
                "top_logprobs", RawJson.of("3"),
                "prediction", RawJson.of("{\"type\":\"content\",\"content\":\"caf\\u00e9 ☕\"}"),
                "modalities", RawJson.of("[\"text\"]"),
                "weird_number", RawJson.of("1.50e3"),
                "note", RawJson.of("\"say \\\"hi\\\"\""),
                "nothing", RawJson.of("null")));
    }

    @Test
    void decodesMinimalRequestWithDefaults() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8(
                "{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        assertThat(request.messages()).containsExactly(Message.text(Role.USER, "hi"));
        assertThat(request.sampling()).isEqualTo(Sampling.DEFAULTS);
        assertThat(request.tools()).isEmpty();
        assertThat(request.toolChoice()).isNull();
        assertThat(request.parallelToolCalls()).isNull();
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.extra()).isEmpty();
    }

    @Test
    void assistantTextComesBeforeToolCallsAndReasoningBeforeText() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8("""
                {"model":"m","messages":[{"role":"assistant","reasoning_content":"think","content":"Let me check.",
                  "tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]}]}
                """));

        assertThat(request.messages().getFirst().parts()).containsExactly(new ContentPart.Thinking("think", null),
                new ContentPart.Text("Let me check."), new ContentPart.ToolCall("c1", "f", "{}"));
    }

    @Test
    void acceptsAnEchoedResponseMessageWithItsNullFields() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8("""
                {"model":"m","messages":[{"role":"assistant","content":"ok","refusal":null,"audio":null,
                  "function_call":null,"tool_calls":null,"annotations":[]}]}
                """));

        assertThat(request.messages().getFirst().parts()).containsExactly(new ContentPart.Text("ok"));
    }

    @Test
    void decodesToolsToolChoiceAndResponseFormat() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8("""
                {"model":"m","messages":[{"role":"user","content":"x"}],
                 "tools":[{"type":"function","function":{"name":"now"}}],
                 "tool_choice":{"type":"function","function":{"name":"now"}},
                 "response_format":{"type":"json_schema","json_schema":{"name":"answer","description":"d",
                   "schema":{"type":"object","properties":{"a":{"type":"integer"}}},"strict":true}},
                 "max_tokens":100,"max_completion_tokens":100,"stop":"END","n":2,
                 "presence_penalty":-1.5,"frequency_penalty":0.5}
                """));

        assertThat(request.tools()).containsExactly(new Tool("now", null, ToolDecoder.NO_PARAMETERS, null));
        assertThat(request.toolChoice()).isEqualTo(new ToolChoice.Named("now"));
        assertThat(request.responseFormat()).isEqualTo(new ResponseFormat.JsonSchema("answer", "d",
                RawJson.of("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}"), true));
        assertThat(request.sampling()).isEqualTo(new Sampling(null, null, 100, List.of("END"), null, -1.5, 0.5, 2, null));
    }

    @Test
    void decodesStringToolChoicesAndSimpleResponseFormats() {
        assertThat(chatWith("\"tool_choice\":\"none\"").toolChoice()).isEqualTo(new ToolChoice.None());
        assertThat(chatWith("\"tool_choice\":\"required\"").toolChoice()).isEqualTo(new ToolChoice.Required());
        assertThat(chatWith("\"response_format\":{\"type\":\"json_object\"}").responseFormat())
                .isEqualTo(new ResponseFormat.JsonObject());
        assertThat(chatWith("\"response_format\":{\"type\":\"text\"}").responseFormat())
                .isEqualTo(new ResponseFormat.Text());
        assertThat(chatWith("\"max_tokens\":7").sampling().maxTokens()).isEqualTo(7);
    }

    @Test
    void keepsHttpAndNonBase64DataUrlsAsUrls() {
        ChatRequest request = codec.decodeChat(Fixtures.utf8("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"https://example.com/a.jpg"}},
                  {"type":"image_url","image_url":{"url":"data:image/svg+xml,%3Csvg%3E","detail":"high"}},
                  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]}]}
                """));

        assertThat(request.messages().getFirst().parts()).containsExactly(
                new ContentPart.Image(new ImageSource.Url("https://example.com/a.jpg"), null),
                new ContentPart.Image(new ImageSource.Url("data:image/svg+xml,%3Csvg%3E"), "high"),
                new ContentPart.Image(new ImageSource.Base64("image/jpeg", "/9j/4AAQ"), null));
    }

    private ChatRequest chatWith(String field) {
        return codec.decodeChat(Fixtures.utf8(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]," + field + "}"));
    }
}

package dev.warden.provider.bedrock;

import dev.warden.provider.UnsupportedParams;
import static dev.warden.provider.bedrock.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
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
import dev.warden.provider.CallNotes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical request → the exact Converse body, per recorded fixture; and what Converse cannot take. */
class ConverseRequestWireTest {
    private static final Tool WEATHER = new Tool("get_weather", "Current weather", RawJson.of(
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"), true);

    /** The default policy: what Converse cannot honour is a 400. */
    private static UnsupportedParams refusing() {
        return new UnsupportedParams(false, new CallNotes());
    }

    private static ChatRequest request(List<Message> messages, Sampling sampling) {
        return new ChatRequest("anthropic.claude-3-haiku-20240307-v1:0", messages, sampling, List.of(), null, null,
                null, false, false, null, Map.of());
    }

    private static ChatRequest user(String text) {
        return request(List.of(Message.text(Role.USER, text)), Sampling.DEFAULTS);
    }

    private static void assertInvalid(ChatRequest request, String param, String messagePart) {
        assertThatThrownBy(() -> ConverseRequestWire.toWire(request, 1024, refusing())).isInstanceOfSatisfying(
                ApiException.class, e -> {
                    var error = (ApiError.InvalidRequest) e.error();
                    assertThat(error.param()).isEqualTo(param);
                    assertThat(error.message()).contains(messagePart);
                });
    }

    @Test
    void plainTextGetsTheDefaultMaxTokens() {
        var call = ConverseRequestWire.toWire(user("Hello"), 1024, refusing());
        assertJson(call.body(), "request/plain-text.json");
        assertThat(call.jsonTool()).isNull();
    }

    @Test
    void systemMessagesAreLiftedAndTurnsOfOneRoleMerged() {
        var sampling = new Sampling(0.2, 0.9, 100, List.of("\n\n", "END"), null, null, null, 1, 40);
        var messages = List.of(
                Message.text(Role.SYSTEM, "You are terse."),
                Message.text(Role.USER, "Hi"),
                Message.text(Role.DEVELOPER, "Answer in French."),
                Message.text(Role.USER, "Anyone there?"),
                Message.text(Role.ASSISTANT, "Salut."),
                Message.text(Role.USER, "How are you?"));
        var request = new ChatRequest("m", messages, sampling, List.of(), null, null, true, false, false,
                "user-123", Map.of());
        assertJson(ConverseRequestWire.toWire(request, 1024, refusing()).body(), "request/system-multi-turn.json");
    }

    @Test
    void toolCallsResultsAndSignedReasoning() {
        var messages = List.of(
                Message.text(Role.USER, "Weather in Paris and Rome?"),
                new Message(Role.ASSISTANT, List.of(
                        new ContentPart.Thinking("Two cities, two calls.", "sig-abc"),
                        new ContentPart.Thinking("unsigned musing", null),
                        new ContentPart.Text(""),
                        new ContentPart.ToolCall("tooluse_1", "get_weather", "{\"city\":\"Paris\"}"),
                        new ContentPart.ToolCall("tooluse_2", "get_weather", "")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("tooluse_1",
                        List.of(new ContentPart.Text("18C, cloudy")), false)), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("tooluse_2",
                        List.of(new ContentPart.Text("city missing")), true)), null),
                Message.text(Role.USER, "Thanks"));
        var request = new ChatRequest("m", messages, Sampling.DEFAULTS, List.of(WEATHER),
                new ToolChoice.Named("get_weather"), null, null, false, false, null, Map.of());
        assertJson(ConverseRequestWire.toWire(request, 1024, refusing()).body(), "request/tools.json");
    }

    @Test
    void toolChoiceAutoAndRequired() {
        for (var choice : List.of(new ToolChoice.Auto(), new ToolChoice.Required())) {
            var request = new ChatRequest("m", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                    List.of(WEATHER), choice, null, null, false, false, null, Map.of());
            var body = Fixtures.tree(ConverseRequestWire.toWire(request, 1024, refusing()).body());
            assertThat(body.path("toolConfig").path("toolChoice").toString())
                    .isEqualTo(choice instanceof ToolChoice.Auto ? "{\"auto\":{}}" : "{\"any\":{}}");
        }
    }

    @Test
    void toolChoiceNoneLeavesTheToolsOutWithoutToolHistory() {
        var request = new ChatRequest("m", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), new ToolChoice.None(), null, null, false, false, null, Map.of());
        var body = Fixtures.tree(ConverseRequestWire.toWire(request, 1024, refusing()).body());
        assertThat(body.has("toolConfig")).isFalse();
    }

    @Test
    void toolChoiceNoneWithToolHistoryIs400() {
        var messages = List.of(Message.text(Role.USER, "x"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("t1", "get_weather", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("t1", List.of(), false)), null));
        var request = new ChatRequest("m", messages, Sampling.DEFAULTS, List.of(WEATHER), new ToolChoice.None(),
                null, null, false, false, null, Map.of());
        assertInvalid(request, "tool_choice", "no tool_choice 'none'");
    }

    @Test
    void inlineImagesAndDataUrls() {
        var request = request(List.of(new Message(Role.USER, List.of(
                new ContentPart.Text("What is in these?"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="), null),
                new ContentPart.Image(new ImageSource.Url("data:image/jpeg;base64,/9j/4AAQ"), "high")), null)),
                Sampling.DEFAULTS);
        assertJson(ConverseRequestWire.toWire(request, 1024, refusing()).body(), "request/images.json");
    }

    @Test
    void imageUrlsAre400NamingTheField() {
        var request = request(List.of(Message.text(Role.USER, "a"), Message.text(Role.ASSISTANT, "b"),
                new Message(Role.USER, List.of(new ContentPart.Image(new ImageSource.Url(
                        "https://example.com/cat.png"), null)), null)), Sampling.DEFAULTS);
        assertInvalid(request, "messages[2].content", "does not fetch image URLs");
        var tiff = request(List.of(new Message(Role.USER, List.of(new ContentPart.Image(
                new ImageSource.Base64("image/tiff", "AAAA"), null)), null)), Sampling.DEFAULTS);
        assertInvalid(tiff, "messages[0].content", "image/tiff");
    }

    @Test
    void jsonSchemaUsesAForcedTool() {
        var format = new ResponseFormat.JsonSchema("person", "A person record",
                RawJson.of("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}"), true);
        var request = new ChatRequest("m", List.of(Message.text(Role.USER, "Give me a person")), Sampling.DEFAULTS,
                List.of(), null, format, null, false, false, null, Map.of());
        var call = ConverseRequestWire.toWire(request, 1024, refusing());
        assertJson(call.body(), "request/json-schema.json");
        assertThat(call.jsonTool()).isEqualTo("person");
    }

    @Test
    void jsonModeWithToolsIs400() {
        var request = new ChatRequest("m", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), null, new ResponseFormat.JsonObject(), null, false, false, null, Map.of());
        assertInvalid(request, "response_format", "cannot combine");
    }

    @Test
    void conversePassThroughFieldsAreSentVerbatimAndTopKMergedIn() {
        var extra = new LinkedHashMap<String, RawJson>();
        extra.put("guardrailConfig", RawJson.of(
                "{\"guardrailIdentifier\":\"gr-1\",\"guardrailVersion\":\"1\",\"trace\":\"enabled\"}"));
        extra.put("additionalModelRequestFields", RawJson.of("{\"thinking\":{\"type\":\"enabled\","
                + "\"budget_tokens\":2000}}"));
        extra.put("performanceConfig", RawJson.of("{\"latency\":\"optimized\"}"));
        var sampling = new Sampling(null, null, null, List.of(), null, null, null, null, 5);
        var request = request(List.of(Message.text(Role.USER, "Hello")), sampling).withExtra(extra);
        assertJson(ConverseRequestWire.toWire(request, 1024, refusing()).body(), "request/pass-through.json");
    }

    @Test
    void whatConverseCannotHonourIs400NamingIt() {
        var seed = new Sampling(null, null, null, List.of(), 7L, null, null, null, null);
        assertInvalid(request(List.of(Message.text(Role.USER, "x")), seed), "seed", "does not support seed");
        var penalties = new Sampling(null, null, null, List.of(), null, 0.5, 0.1, 2, null);
        assertInvalid(request(List.of(Message.text(Role.USER, "x")), penalties), "presence_penalty",
                "presence_penalty, frequency_penalty, n");
        var extra = user("x").withExtra(Map.of("logprobs", RawJson.of("true")));
        assertInvalid(extra, "logprobs", "does not support logprobs");
        var parallel = new ChatRequest("m", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), null, null, false, false, false, null, Map.of());
        assertInvalid(parallel, "parallel_tool_calls", "parallel_tool_calls");
        var twice = request(List.of(Message.text(Role.USER, "x")),
                new Sampling(null, null, null, List.of(), null, null, null, null, 3))
                .withExtra(Map.of("additionalModelRequestFields", RawJson.of("{\"top_k\":4}")));
        assertInvalid(twice, "additionalModelRequestFields.top_k", "given twice");
    }

    @Test
    void toolArgumentsMustBeAnObject() {
        var request = request(List.of(Message.text(Role.USER, "x"), new Message(Role.ASSISTANT,
                List.of(new ContentPart.ToolCall("t1", "f", "[1,2]")), null)), Sampling.DEFAULTS);
        assertInvalid(request, "messages[1].tool_calls", "must be a JSON object");
    }

    @Test
    void underDropUnsupportedParamsWhatConverseLacksIsDroppedAndReported() {
        var extra = new LinkedHashMap<String, RawJson>();
        extra.put("logprobs", RawJson.of("true"));
        extra.put("performanceConfig", RawJson.of("{\"latency\":\"optimized\"}"));
        var request = new ChatRequest("m", List.of(Message.text(Role.USER, "x")),
                new Sampling(0.5, null, null, List.of(), 7L, 0.5, 0.1, 1, null), List.of(WEATHER), null, null, false,
                false, false, null, extra);
        var notes = new CallNotes();
        var body = Fixtures.tree(ConverseRequestWire.toWire(request, 1024, new UnsupportedParams(true, notes)).body());
        assertThat(notes.droppedParams()).containsExactly("seed", "presence_penalty", "frequency_penalty",
                "parallel_tool_calls", "logprobs");
        assertThat(body.has("logprobs")).isFalse();
        assertThat(body.path("performanceConfig").path("latency").asText()).isEqualTo("optimized");
        assertThat(body.path("inferenceConfig").toString()).isEqualTo("{\"maxTokens\":1024,\"temperature\":0.5}");
        assertThat(body.path("toolConfig").path("tools").size()).isEqualTo(1);
    }

    @Test
    void underDropUnsupportedParamsSeveralChoicesAndContradictionsAreStillRefused() {
        var notes = new CallNotes();
        var dropping = new UnsupportedParams(true, notes);
        var n2 = request(List.of(Message.text(Role.USER, "x")),
                new Sampling(null, null, null, List.of(), 7L, null, null, 2, null));
        assertThatThrownBy(() -> ConverseRequestWire.toWire(n2, 1024, dropping)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("n"));
        var json = new ChatRequest("m", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), null, new ResponseFormat.JsonObject(), null, false, false, null, Map.of());
        assertThatThrownBy(() -> ConverseRequestWire.toWire(json, 1024, dropping)).isInstanceOf(ApiException.class);
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void participantNamesAndImageDetailAreAlwaysDroppedAndReported() {
        var request = request(List.of(new Message(Role.USER, List.of(new ContentPart.Text("look"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="), "high")), "alice")),
                Sampling.DEFAULTS);
        var notes = new CallNotes();
        var body = Fixtures.tree(ConverseRequestWire.toWire(request, 1024, new UnsupportedParams(false, notes)).body());
        assertThat(notes.droppedParams()).containsExactly("name", "detail");
        var turn = body.path("messages").get(0);
        assertThat(turn.has("name")).isFalse();
        assertThat(turn.path("content").get(1).path("image").has("detail")).isFalse();
    }
}

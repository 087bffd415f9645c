package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import static dev.warden.provider.ollama.Fixtures.assertJson;
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
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** Canonical chat request → the exact /api/chat body, per recorded fixture; and every refusal names its field. */
class ChatRequestWireTest {
    private final CallNotes notes = new CallNotes();
    /** The default policy: what Ollama cannot honour is a 400 (the four always-dropped fields aside). */
    private final UnsupportedParams refusing = new UnsupportedParams(false, notes);
    private final UnsupportedParams dropping = new UnsupportedParams(true, notes);

    private static ChatRequest request(String model, List<Message> messages) {
        return new ChatRequest(model, messages, Sampling.DEFAULTS, List.of(), null, null, null, false, false, null,
                Map.of());
    }

    private static ChatRequest user(String model, String text) {
        return request(model, List.of(Message.text(Role.USER, text)));
    }

    private byte[] wire(ChatRequest request, boolean stream) {
        return ChatRequestWire.toWire(request, stream, OllamaSettings.DEFAULTS, refusing);
    }

    @Test
    void plainTextAlwaysSaysStreamFalse() {
        assertJson(wire(user("llama3.2", "why is the sky blue?"), false), "request/plain-text.json");
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void systemAndDeveloperBecomeSystemAndSamplingGoesToOptionsOverTheDeploymentDefaults() {
        var sampling = new Sampling(0.2, 0.9, 100, List.of("\n\n", "END"), 42L, 0.5, -0.5, 1, 40);
        var messages = List.of(Message.text(Role.SYSTEM, "You are terse."), Message.text(Role.DEVELOPER,
                "Answer in French."), Message.text(Role.USER, "Hi"), Message.text(Role.ASSISTANT, "Salut."),
                Message.text(Role.USER, "How are you?"));
        var request = new ChatRequest("llama3.2", messages, sampling, List.of(), null, null, null, false, false,
                null, Map.of());
        var settings = new OllamaSettings("10m", Map.of("num_ctx", RawJson.of("8192"),
                "temperature", RawJson.of("0.8")));
        assertJson(ChatRequestWire.toWire(request, false, settings, refusing), "request/multi-turn.json");
    }

    private static final Tool WEATHER = new Tool("get_current_weather", "Get the current weather for a location",
            RawJson.of("{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":"
                    + "\"The location to get the weather for, e.g. San Francisco, CA\"},\"format\":{\"type\":"
                    + "\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"location\",\"format\"]}"),
            null);
    private static final Tool TIME = new Tool("get_time", null, RawJson.of("{\"type\":\"object\",\"properties\":{}}"),
            false);

    @Test
    void toolCallsCarryObjectArgumentsAndToolResultsNameTheirTool() {
        var messages = List.of(Message.text(Role.USER, "What is the weather today in Paris?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.Thinking("I should call the weather tool.", "sig"),
                        new ContentPart.ToolCall("call_1", "get_current_weather",
                                "{\"location\": \"Paris, FR\", \"format\": \"celsius\"}"),
                        new ContentPart.ToolCall("call_2", "get_time", "")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_1",
                        List.of(new ContentPart.Text("22 degrees")), false)), null),
                // Anthropic-style: a tool result inside a user turn, followed by the user's text.
                new Message(Role.USER, List.of(new ContentPart.ToolResult("call_2",
                        List.of(new ContentPart.Text("14:00")), false), new ContentPart.Text("Thanks")), null));
        var request = new ChatRequest("llama3.2", messages, Sampling.DEFAULTS, List.of(WEATHER, TIME),
                new ToolChoice.Auto(), null, true, true, true, null, Map.of());
        assertJson(wire(request, true), "request/tools.json");
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void toolChoiceNoneIsHonouredByNotOfferingTheTools() {
        var request = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "Just talk.")), Sampling.DEFAULTS,
                List.of(WEATHER), new ToolChoice.None(), null, null, false, false, null, Map.of());
        assertJson(wire(request, false), "request/tool-choice-none.json");
    }

    @Test
    void imagesAreBareBase64AndADataUrlLosesItsPrefix() {
        var message = new Message(Role.USER, List.of(new ContentPart.Text("what is in these images?"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgoAAAANSUhEUg=="), null),
                new ContentPart.Image(new ImageSource.Url("data:image/gif;base64,R0lGODlhAQABAAAAACw="), "auto")),
                null);
        assertJson(wire(request("llava", List.of(message)), false), "request/images.json");
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void jsonModeAndJsonSchemaBecomeFormat() {
        var json = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "Colors of the sky as JSON")),
                Sampling.DEFAULTS, List.of(), null, new ResponseFormat.JsonObject(), null, false, false, null,
                Map.of());
        assertJson(wire(json, false), "request/json-object.json");
        var schema = new ChatRequest("llama3.1", List.of(Message.text(Role.USER,
                "Ollama is 22 years old and busy saving the world.")),
                new Sampling(0.0, null, null, List.of(), null, null, null, null, null), List.of(), null,
                new ResponseFormat.JsonSchema("person", null, RawJson.of("{\"type\":\"object\",\"properties\":"
                        + "{\"age\":{\"type\":\"integer\"},\"available\":{\"type\":\"boolean\"}},\"required\":"
                        + "[\"age\",\"available\"]}"), true), null, false, false, null, Map.of());
        assertJson(wire(schema, false), "request/json-schema.json");
    }

    @Test
    void ollamaNativeExtrasPassAndRequestOptionsMergeOverDefaults() {
        var request = new ChatRequest("qwen3", List.of(Message.text(Role.USER, "Think first.")),
                Sampling.DEFAULTS.withMaxTokens(256), List.of(), null, null, null, true, false, null,
                Map.of("options", RawJson.of("{\"num_ctx\":16384,\"repeat_penalty\":1.1}"),
                        "keep_alive", RawJson.of("-1"), "think", RawJson.of("true")));
        var settings = new OllamaSettings("5m", Map.of("num_ctx", RawJson.of("4096")));
        assertJson(ChatRequestWire.toWire(request, true, settings, refusing), "request/extra.json");
    }

    @Test
    void userNameDetailAndIsErrorAreDroppedAndReported() {
        var messages = List.of(new Message(Role.USER, List.of(new ContentPart.Text("Hi"), new ContentPart.Image(
                        new ImageSource.Base64("image/png", "AAAA"), "high")), "alice"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("c1", "t", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("c1", List.of(new ContentPart.Text("boom")),
                        true)), null));
        var request = new ChatRequest("llava", messages, Sampling.DEFAULTS, List.of(), null, null, null, false,
                false, "user-123", Map.of());
        var body = Fixtures.tree(wire(request, false));
        assertThat(notes.droppedParams()).containsExactly("user", "name", "detail", "is_error");
        assertThat(body.has("user")).isFalse();
        assertThat(body.path("messages").get(0).has("name")).isFalse();
        assertThat(body.path("messages").get(2).path("content").asText()).isEqualTo("boom");
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable call, String param) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isInstanceOf(ApiError.InvalidRequest.class);
            assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo(param);
            assertThat(e.error().status()).isEqualTo(400);
        });
    }

    private ChatRequest withTools(ToolChoice choice, List<Tool> tools) {
        return new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS, tools, choice,
                null, null, false, false, null, Map.of());
    }

    @Test
    void whatOllamaCannotHonourIsRefusedNamingTheField() {
        assertRefused(() -> wire(withTools(new ToolChoice.Required(), List.of(WEATHER)), false), "tool_choice");
        assertRefused(() -> wire(withTools(new ToolChoice.Named("get_time"), List.of(TIME)), false), "tool_choice");
        assertRefused(() -> wire(withTools(new ToolChoice.Auto(), List.of(new Tool("s", null, RawJson.of("{}"),
                true))), false), "tools[0].function.strict");
        var n2 = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")),
                new Sampling(null, null, null, List.of(), null, null, null, 2, null), List.of(), null, null, null,
                false, false, null, Map.of());
        assertRefused(() -> wire(n2, false), "n");
        var serial = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), null, null, false, false, false, null, Map.of());
        assertRefused(() -> wire(serial, false), "parallel_tool_calls");
    }

    @Test
    void anImageUrlIsRefusedNamingItsPlace() {
        var message = new Message(Role.USER, List.of(new ContentPart.Text("look"), new ContentPart.Image(
                new ImageSource.Url("https://example.com/cat.png"), null)), null);
        assertRefused(() -> wire(request("llava", List.of(Message.text(Role.SYSTEM, "s"), message)), false),
                "messages[1].content[1].image_url");
    }

    @Test
    void toolArgumentsThatAreNotAJsonObjectAreRefused() {
        var message = new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("c", "t", "[1,2]")), null);
        assertRefused(() -> wire(request("llama3.2", List.of(Message.text(Role.USER, "x"), message)), false),
                "messages[1].tool_calls[0].function.arguments");
    }

    @Test
    void foreignExtrasAreRefusedAndContradictoryOptionsToo() {
        var foreign = user("llama3.2", "x").withExtra(Map.of("reasoning_effort", RawJson.of("\"high\""),
                "keep_alive", RawJson.of("\"1m\"")));
        assertRefused(() -> wire(foreign, false), "reasoning_effort");
        var contradiction = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")),
                new Sampling(0.3, null, null, List.of(), null, null, null, null, null), List.of(), null, null, null,
                false, false, null, Map.of("options", RawJson.of("{\"temperature\":0.9}")));
        assertRefused(() -> wire(contradiction, false), "options.temperature");
        var notAnObject = user("llama3.2", "x").withExtra(Map.of("options", RawJson.of("[1]")));
        assertRefused(() -> wire(notAnObject, false), "options");
    }

    @Test
    void underDropUnsupportedParamsSerialToolCallsStrictSchemasAndForeignExtrasAreDroppedAndReported() {
        var strict = new Tool("get_weather", "Weather", RawJson.of("{\"type\":\"object\"}"), true);
        var request = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(strict), new ToolChoice.Auto(), null, false, false, false, null,
                Map.of("reasoning_effort", RawJson.of("\"high\""), "logit_bias", RawJson.of("{}"),
                        "think", RawJson.of("true")));
        var body = Fixtures.tree(ChatRequestWire.toWire(request, false, OllamaSettings.DEFAULTS, dropping));
        assertThat(notes.droppedParams()).containsExactlyInAnyOrder("logit_bias", "reasoning_effort",
                "parallel_tool_calls", "strict");
        assertThat(body.has("reasoning_effort")).isFalse();
        assertThat(body.has("logit_bias")).isFalse();
        assertThat(body.has("parallel_tool_calls")).isFalse();
        assertThat(body.path("think").asBoolean()).isTrue();
        var function = body.path("tools").get(0).path("function");
        assertThat(function.path("name").asText()).isEqualTo("get_weather");
        assertThat(function.has("strict")).isFalse();
    }

    @Test
    void underDropUnsupportedParamsForcedToolsAndSeveralChoicesAreStillRefused() {
        assertRefused(() -> ChatRequestWire.toWire(withTools(new ToolChoice.Required(), List.of(WEATHER)), false,
                OllamaSettings.DEFAULTS, dropping), "tool_choice");
        assertRefused(() -> ChatRequestWire.toWire(withTools(new ToolChoice.Named("get_time"), List.of(TIME)), false,
                OllamaSettings.DEFAULTS, dropping), "tool_choice");
        var n2 = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")),
                new Sampling(null, null, null, List.of(), null, null, null, 2, null), List.of(), null, null, null,
                false, false, null, Map.of());
        assertRefused(() -> ChatRequestWire.toWire(n2, false, OllamaSettings.DEFAULTS, dropping), "n");
        var contradiction = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "x")),
                new Sampling(0.3, null, null, List.of(), null, null, null, null, null), List.of(), null, null, null,
                false, false, null, Map.of("options", RawJson.of("{\"temperature\":0.9}")));
        assertRefused(() -> ChatRequestWire.toWire(contradiction, false, OllamaSettings.DEFAULTS, dropping),
                "options.temperature");
        assertThat(notes.droppedParams()).isEmpty();
    }
}

package dev.warden.provider.anthropic;

import dev.warden.provider.UnsupportedParams;
import static dev.warden.provider.anthropic.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.CacheHint;
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
import org.junit.jupiter.api.Test;

/** Canonical request → the exact Anthropic body, per recorded fixture; and the 400s for what Anthropic lacks. */
class RequestWireTest {
    static final String MODEL = "claude-sonnet-4-5";

    static ChatRequest request(List<Message> messages) {
        return new ChatRequest(MODEL, messages, Sampling.DEFAULTS, List.of(), null, null, null, false, false, null,
                Map.of());
    }

    static ChatRequest user(String text) {
        return request(List.of(Message.text(Role.USER, text)));
    }

    /** The default policy: what Anthropic cannot honour is a 400. */
    private static UnsupportedParams refusing() {
        return new UnsupportedParams(false, new CallNotes());
    }

    private static byte[] wire(ChatRequest request) {
        return RequestWire.toWire(request, false, 4096, refusing()).bytes();
    }

    @Test
    void plainTextGetsTheDefaultMaxTokens() {
        var body = RequestWire.toWire(user("Hello"), false, 4096, refusing());
        assertJson(body.bytes(), "request/plain-text.json");
        assertThat(body.jsonMode()).isFalse();
    }

    @Test
    void cacheHintsBecomeCacheControlWhereTheClientSetThemAndMakeTheSystemABlockArray() {
        var ephemeral = CacheHint.of("{\"type\":\"ephemeral\"}");
        var request = new ChatRequest(MODEL, List.of(
                new Message(Role.SYSTEM, List.of(new ContentPart.Text("Be brief.",
                        CacheHint.of("{\"type\":\"ephemeral\",\"ttl\":\"1h\"}"))), null),
                new Message(Role.USER, List.of(
                        new ContentPart.Image(new ImageSource.Url("https://x/y.png"), null, ephemeral),
                        new ContentPart.Text("Hello", ephemeral)), null),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("c", "t", "{}", ephemeral)), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("c", List.of(new ContentPart.Text("ok")),
                        false, ephemeral)), null)), Sampling.DEFAULTS,
                List.of(new Tool("t", null, RawJson.of("{\"type\":\"object\"}"), null, ephemeral)), null, null, null,
                false, false, null, Map.of());
        assertJson(wire(request), "request/cache-control.json");
    }

    @Test
    void oneSystemMessageIsAString() {
        var request = request(List.of(Message.text(Role.SYSTEM, "Be brief."), Message.text(Role.USER, "Hello")))
                .withSampling(Sampling.DEFAULTS.withMaxTokens(50));
        assertJson(wire(request), "request/single-system.json");
    }

    @Test
    void systemAndDeveloperAreHoistedConsecutiveUserTurnsMergedSamplingMapped() {
        var sampling = new Sampling(0.2, 0.9, 100, List.of("\n\n", "END"), null, null, null, 1, 40);
        var messages = List.of(
                Message.text(Role.SYSTEM, "You are terse."),
                Message.text(Role.USER, "Hi"),
                Message.text(Role.DEVELOPER, "Answer in French."),
                Message.text(Role.USER, "Are you there?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.Text(""), new ContentPart.Text("Salut.")), null),
                Message.text(Role.USER, "How are you?"));
        var request = new ChatRequest(MODEL, messages, sampling, List.of(), null, null, null, false, false,
                "user-123", Map.of());
        assertJson(wire(request), "request/system-multi-turn.json");
    }

    @Test
    void imagesByUrlBase64AndDataUrl() {
        var message = new Message(Role.USER, List.of(
                new ContentPart.Text("What is in these images?"),
                new ContentPart.Image(new ImageSource.Url("https://example.com/cat.png"), "auto"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="), null),
                new ContentPart.Image(new ImageSource.Url("data:image/jpeg;base64,/9j/4AAQ"), null)), null);
        assertJson(wire(request(List.of(message))), "request/images.json");
    }

    static final Tool WEATHER = new Tool("get_weather", "Current weather for a city", RawJson.of(
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"), null);

    @Test
    void toolsToolUseAndToolResultsMergedIntoOneUserTurnResultsFirst() {
        var messages = List.of(
                Message.text(Role.USER, "Weather in Paris and Rome?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.Text("Checking both."),
                        new ContentPart.ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"),
                        new ContentPart.ToolCall("toolu_2", "get_weather", " {\"city\":\"Rome\",\"units\":[\"c\"]}")),
                        null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("toolu_1",
                        List.of(new ContentPart.Text("18C sunny")), false)), null),
                new Message(Role.USER, List.of(new ContentPart.Text("Thanks, and be short."),
                        new ContentPart.ToolResult("toolu_2", List.of(new ContentPart.Text("no data")), true)),
                        null));
        var tools = List.of(WEATHER, new Tool("now", null, RawJson.of("{\"type\":\"object\",\"properties\":{}}"),
                true));
        var request = new ChatRequest(MODEL, messages, Sampling.DEFAULTS, tools,
                new ToolChoice.Named("get_weather"), null, false, false, false, null, Map.of());
        assertJson(wire(request), "request/tools.json");
    }

    @Test
    void jsonSchemaIsAForcedTool() {
        var schema = new ResponseFormat.JsonSchema("city", "A city and its country", RawJson.of("{\"type\":"
                + "\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"country\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\",\"country\"],\"additionalProperties\":false}"), true);
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "Give me a city.")), Sampling.DEFAULTS,
                List.of(), null, schema, null, false, false, null, Map.of());
        var body = RequestWire.toWire(request, false, 4096, refusing());
        assertJson(body.bytes(), "request/json-schema.json");
        assertThat(body.jsonMode()).isTrue();
    }

    @Test
    void jsonObjectIsAForcedToolTakingAnyObjectAndStreams() {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "JSON please.")), Sampling.DEFAULTS,
                List.of(), null, new ResponseFormat.JsonObject(), null, true, false, null, Map.of());
        var body = RequestWire.toWire(request, true, 4096, refusing());
        assertJson(body.bytes(), "request/json-object.json");
        assertThat(body.jsonMode()).isTrue();
    }

    @Test
    void plainTextFormatChangesNothing() {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "Hello")), Sampling.DEFAULTS,
                List.of(), null, new ResponseFormat.Text(), null, false, false, null, Map.of());
        assertJson(wire(request), "request/plain-text.json");
    }

    @Test
    void thinkingRoundTripsWithSignaturesUnsignedIsNotSentNativeExtrasPassThrough() {
        var assistant = new Message(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("other provider's reasoning", null),
                new ContentPart.Thinking("27 * 453 = 12231", "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"),
                new ContentPart.Thinking("", MessagesWire.REDACTED_PREFIX
                        + "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"),
                new ContentPart.ToolCall("toolu_9", "calc", "")), null);
        var messages = List.of(Message.text(Role.USER, "What is 27 * 453?"), assistant,
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("toolu_9", List.of(), false)), null));
        var extra = Map.of("thinking", RawJson.of("{\"type\":\"enabled\",\"budget_tokens\":10000}"),
                "service_tier", RawJson.of("\"standard_only\""), "metadata", RawJson.of("{}"));
        var request = new ChatRequest(MODEL, messages, Sampling.DEFAULTS.withMaxTokens(16000),
                List.of(new Tool("calc", null, RawJson.of("{\"type\":\"object\"}"), false)), null, null, false,
                false, false, "user-7", extra);
        assertJson(wire(request), "request/thinking-extra.json");
    }

    @Test
    void toolChoiceVariants() {
        assertThat(choice(new ToolChoice.Auto(), null)).isEqualTo("{\"type\":\"auto\"}");
        assertThat(choice(new ToolChoice.Required(), null)).isEqualTo("{\"type\":\"any\"}");
        assertThat(choice(new ToolChoice.Required(), false))
                .isEqualTo("{\"type\":\"any\",\"disable_parallel_tool_use\":true}");
        assertThat(choice(new ToolChoice.None(), false)).isEqualTo("{\"type\":\"none\"}");
        assertThat(choice(null, true)).isEqualTo("null");
        assertThat(choice(null, null)).isEqualTo("null");
    }

    private static String choice(ToolChoice choice, Boolean parallel) {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), choice, null, parallel, false, false, null, Map.of());
        return String.valueOf(Fixtures.tree(wire(request)).get("tool_choice"));
    }

    @Test
    void toolChoiceWithoutToolsMeansNothingUnlessItForcesACall() {
        var auto = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS, List.of(),
                new ToolChoice.None(), null, false, false, false, null, Map.of());
        var body = Fixtures.tree(wire(auto));
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        var required = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS, List.of(),
                new ToolChoice.Required(), null, null, false, false, null, Map.of());
        assertRejected(required, "tool_choice");
    }

    @Test
    void parametersAnthropicLacksAreRefusedNamingThem() {
        assertRejected(user("x").withSampling(new Sampling(null, null, null, List.of(), 7L, null, null, null, null)),
                "seed");
        assertRejected(user("x").withSampling(new Sampling(null, null, null, List.of(), null, null, null, 2, null)),
                "n");
        assertRejected(user("x").withSampling(new Sampling(null, null, null, List.of(), null, 0.5, null, null, null)),
                "presence_penalty");
        assertRejected(user("x").withSampling(new Sampling(null, null, null, List.of(), null, null, 0.5, null, null)),
                "frequency_penalty");
        assertRejected(user("x").withExtra(Map.of("logit_bias", RawJson.of("{}"), "top_k", RawJson.of("3"))),
                "logit_bias");
        var accepted = Fixtures.tree(wire(user("x").withExtra(Map.of("metadata", RawJson.of("{\"user_id\":\"a\"}"),
                "top_k", RawJson.of("3")))));
        assertThat(accepted.get("metadata").get("user_id").asText()).isEqualTo("a");
        assertThat(accepted.get("top_k").asInt()).isEqualTo(3);
    }

    @Test
    void contentAnthropicCannotCarryIsRefusedNamingTheMessage() {
        assertRejected(request(List.of(Message.text(Role.USER, "a"), new Message(Role.ASSISTANT,
                List.of(new ContentPart.ToolCall("t", "f", "{not json")), null))), "messages[1]");
        assertRejected(request(List.of(new Message(Role.ASSISTANT,
                List.of(new ContentPart.ToolCall("t", "f", "[1]")), null))), "messages[0]");
        assertRejected(request(List.of(new Message(Role.USER, List.of(new ContentPart.Text("a")), "alice"))),
                "messages[0].name");
        assertRejected(request(List.of(new Message(Role.USER, List.of(
                new ContentPart.Image(new ImageSource.Url("https://x/y.png"), "high")), null))), "messages[0]");
        assertRejected(request(List.of(new Message(Role.ASSISTANT, List.of(
                new ContentPart.Image(new ImageSource.Url("https://x/y.png"), null)), null))), "messages[0]");
        assertRejected(request(List.of(Message.text(Role.TOOL, "loose text"))), "messages[0]");
    }

    @Test
    void jsonOutputCannotBeCombinedWithTools() {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), null, new ResponseFormat.JsonObject(), null, false, false, null, Map.of());
        assertRejected(request, "response_format");
    }

    @Test
    void userAndMetadataUserIdMustAgree() {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS, List.of(),
                null, null, null, false, false, "bob", Map.of("metadata", RawJson.of("{\"user_id\":\"alice\"}")));
        assertRejected(request, "user");
    }

    @Test
    void underDropUnsupportedParamsWhatAnthropicLacksIsDroppedAndReported() {
        var messages = List.of(
                new Message(Role.USER, List.of(new ContentPart.Text("look"), new ContentPart.Image(
                        new ImageSource.Url("https://x/y.png"), "high")), "alice"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("t1", "get_weather", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("t1", List.of(new ContentPart.Image(
                        new ImageSource.Base64("image/png", "iVBORw0KGgo="), "low")), false)), null));
        var request = request(messages)
                .withSampling(new Sampling(0.3, null, null, List.of(), 7L, 0.5, 0.25, 1, null))
                .withExtra(Map.of("logit_bias", RawJson.of("{\"50256\":-100}"), "logprobs", RawJson.of("true"),
                        "thinking", RawJson.of("{\"type\":\"enabled\",\"budget_tokens\":1024}")));
        var notes = new CallNotes();
        var body = Fixtures.tree(RequestWire.toWire(request, false, 4096, new UnsupportedParams(true, notes)).bytes());

        assertThat(notes.droppedParams()).containsExactlyInAnyOrder("seed", "presence_penalty",
                "frequency_penalty", "logit_bias", "logprobs", "name", "detail");
        for (var dropped : List.of("seed", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "n")) {
            assertThat(body.has(dropped)).as(dropped).isFalse();
        }
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.get("thinking").get("budget_tokens").asInt()).isEqualTo(1024);
        var user = body.get("messages").get(0);
        assertThat(user.has("name")).isFalse();
        assertThat(user.get("content").get(1).get("type").asText()).isEqualTo("image");
        assertThat(user.get("content").get(1).has("detail")).isFalse();
        assertThat(user.get("content").get(1).get("source").get("url").asText()).isEqualTo("https://x/y.png");
    }

    @Test
    void withoutDropUnsupportedParamsNothingIsReportedAsDropped() {
        var notes = new CallNotes();
        assertThatThrownBy(() -> RequestWire.toWire(user("x").withSampling(
                new Sampling(null, null, null, List.of(), 7L, null, null, null, null)), false, 4096,
                new UnsupportedParams(false, notes))).isInstanceOf(ApiException.class);
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void underDropUnsupportedParamsWhatWouldChangeTheAnswerIsStillRefused() {
        assertDropRefuses(user("x").withSampling(new Sampling(null, null, null, List.of(), 7L, null, null, 2, null)),
                "n");
        assertDropRefuses(request(List.of(Message.text(Role.USER, "a"), new Message(Role.ASSISTANT,
                List.of(new ContentPart.ToolCall("t", "f", "{not json")), null))), "messages[1]");
        assertDropRefuses(request(List.of(new Message(Role.ASSISTANT, List.of(
                new ContentPart.Image(new ImageSource.Url("https://x/y.png"), null)), null))), "messages[0]");
        assertDropRefuses(request(List.of(Message.text(Role.TOOL, "loose text"))), "messages[0]");
        assertDropRefuses(new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(WEATHER), null, new ResponseFormat.JsonObject(), null, false, false, null, Map.of()),
                "response_format");
        assertDropRefuses(new ChatRequest(MODEL, List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS, List.of(),
                null, null, null, false, false, "bob", Map.of("metadata", RawJson.of("{\"user_id\":\"alice\"}"))),
                "user");
    }

    private static void assertDropRefuses(ChatRequest request, String param) {
        var notes = new CallNotes();
        assertThatThrownBy(() -> RequestWire.toWire(request, false, 4096, new UnsupportedParams(true, notes)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo(param));
    }

    private static void assertRejected(ChatRequest request, String param) {
        assertThatThrownBy(() -> wire(request)).isInstanceOfSatisfying(ApiException.class, e -> {
            var error = (ApiError.InvalidRequest) e.error();
            assertThat(error.param()).isEqualTo(param);
            assertThat(error.message()).contains(param.replaceAll("\\[.*", ""));
        });
    }
}

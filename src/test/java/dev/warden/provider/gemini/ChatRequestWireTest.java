package dev.warden.provider.gemini;

import static dev.warden.provider.gemini.Fixtures.assertJson;
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
import org.junit.jupiter.api.Test;

/** Canonical request → the exact GenerateContentRequest body, per recorded fixture. */
class ChatRequestWireTest {
    private static final GeminiSettings.Flavor GL = GeminiSettings.Flavor.GENERATIVE_LANGUAGE;
    private final CallNotes notes = new CallNotes();

    static ChatRequest request(List<Message> messages) {
        return new ChatRequest("gemini-2.5-flash", messages, Sampling.DEFAULTS, List.of(), null, null, null, false,
                false, null, Map.of());
    }

    private byte[] wire(ChatRequest request) {
        return ChatRequestWire.toWire(request, GL, Fixtures.strict(notes));
    }

    private static Message assistant(ContentPart... parts) {
        return new Message(Role.ASSISTANT, List.of(parts), null);
    }

    private static Message toolResult(String id, String text, boolean error) {
        return new Message(Role.TOOL, List.of(new ContentPart.ToolResult(id, List.of(new ContentPart.Text(text)),
                error)), null);
    }

    @Test
    void plainText() {
        assertJson(wire(request(List.of(Message.text(Role.USER, "Hello")))), "request/plain-text.json");
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void systemAndDeveloperBecomeTheSystemInstructionAndSameRoleTurnsMerge() {
        var sampling = new Sampling(0.2, 0.9, 100, List.of("\n\n", "END"), 42L, 0.5, -0.5, 2, 40);
        var messages = List.of(
                Message.text(Role.SYSTEM, "You are terse."),
                Message.text(Role.USER, "Hi"),
                Message.text(Role.DEVELOPER, "Answer in French."),
                Message.text(Role.USER, "Are you there?"),
                Message.text(Role.ASSISTANT, "Salut."),
                Message.text(Role.USER, "How are you?"));
        assertJson(wire(request(messages).withSampling(sampling)), "request/system-multi-turn.json");
    }

    @Test
    void toolsCallsAndResultsWithNamesRecoveredFromTheEarlierCalls() {
        var weatherSchema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":1}},"
                + "\"required\":[\"city\"]}";
        var tools = List.of(new Tool("get_weather", "Current weather", RawJson.of(weatherSchema), null),
                new Tool("get_time", null, RawJson.of("{\"type\":\"object\",\"properties\":{}}"), false));
        var messages = List.of(Message.text(Role.USER, "Weather and time in Paris?"),
                assistant(new ContentPart.Text("Checking."),
                        new ContentPart.ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                        new ContentPart.ToolCall("call_b", "get_time", "")),
                toolResult("call_a", "{\"temp\":21,\"sky\":\"clear\"}", false),
                toolResult("call_b", "clock offline", true),
                Message.text(Role.USER, "Thanks"));
        var request = new ChatRequest("gemini-2.5-flash", messages, Sampling.DEFAULTS, tools,
                new ToolChoice.Named("get_weather"), null, true, false, false, null, Map.of());
        assertJson(wire(request), "request/tools.json");
    }

    @Test
    void aToolResultThatIsNotAJsonObjectIsWrappedAsResult() {
        var messages = List.of(Message.text(Role.USER, "Look it up"),
                assistant(new ContentPart.ToolCall("c1", "lookup", "{\"q\":\"x\"}")),
                new Message(Role.USER, List.of(new ContentPart.ToolResult("c1",
                        List.of(new ContentPart.Text("plain text answer")), false)), null));
        var request = new ChatRequest("gemini-2.5-flash", messages, Sampling.DEFAULTS,
                List.of(new Tool("lookup", null, RawJson.of("{\"type\":\"object\"}"), null)), new ToolChoice.Auto(),
                null, null, false, false, null, Map.of());
        assertJson(wire(request), "request/tool-result-text.json");
        assertThat(ContentsWire.responseObject("[1,2]", false).toString()).isEqualTo("{\"result\":\"[1,2]\"}");
    }

    @Test
    void aToolResultWithoutAnEarlierCallIs400() {
        var messages = List.of(Message.text(Role.USER, "Hi"), toolResult("call_unknown", "{}", false));
        assertThatThrownBy(() -> wire(request(messages))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error()).isInstanceOf(ApiError.InvalidRequest.class);
            assertThat(e.getMessage()).contains("call_unknown");
            assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("messages[1]");
        });
    }

    @Test
    void imagesInlineDataUrlAndHttpsUrl() {
        var message = new Message(Role.USER, List.of(new ContentPart.Text("What is in these images?"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="), null),
                new ContentPart.Image(new ImageSource.Url("data:image/jpeg;base64,/9j/4AAQ"), "auto"),
                new ContentPart.Image(new ImageSource.Url("https://example.com/cat.JPG?size=large"), null)), null);
        assertJson(wire(request(List.of(message))), "request/images.json");
    }

    @Test
    void gcsUrlsOnlyOnVertex() {
        var message = new Message(Role.USER, List.of(new ContentPart.Image(
                new ImageSource.Url("gs://bucket/photos/dog.webp"), null)), null);
        assertJson(ChatRequestWire.toWire(request(List.of(message)), GeminiSettings.Flavor.VERTEX,
                Fixtures.strict(notes)), "request/images-vertex.json");
        assertThatThrownBy(() -> wire(request(List.of(message)))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("gs://").contains("Vertex"));
    }

    @Test
    void imageUrlsGeminiCannotFetchAre400() {
        for (var url : List.of("http://example.com/a.png", "https://example.com/image", "ftp://x/a.png",
                "data:image/png,rawbytes")) {
            var message = new Message(Role.USER, List.of(new ContentPart.Image(new ImageSource.Url(url), null)),
                    null);
            assertThatThrownBy(() -> wire(request(List.of(message)))).as(url)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(400));
        }
    }

    @Test
    void jsonModeAndJsonSchema() {
        var json = new ChatRequest("gemini-2.5-flash", List.of(Message.text(Role.USER, "List three colours as JSON")),
                Sampling.DEFAULTS, List.of(), null, new ResponseFormat.JsonObject(), null, false, false, null,
                Map.of());
        assertJson(wire(json), "request/json-object.json");
        var schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"properties\":{\"name\":{\"type\":\"string\",\"description\":\"Recipe name\"},"
                + "\"servings\":{\"type\":\"integer\",\"minimum\":1},\"kind\":{\"enum\":[\"soup\",\"salad\"]},"
                + "\"steps\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/step\"},\"minItems\":1}},"
                + "\"required\":[\"name\",\"steps\"],\"additionalProperties\":false,"
                + "\"$defs\":{\"step\":{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}}}";
        var structured = new ChatRequest("gemini-2.5-flash", List.of(Message.text(Role.USER, "Describe a recipe")),
                Sampling.DEFAULTS, List.of(), null, new ResponseFormat.JsonSchema("recipe", null, RawJson.of(schema),
                        true), null, false, false, null, Map.of());
        assertJson(wire(structured), "request/json-schema.json");
    }

    @Test
    void aSchemaKeywordGeminiIgnoresIs400NamingIt() {
        var schema = "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"pattern\":\"^[A-Z]+$\"}}}";
        var request = new ChatRequest("gemini-2.5-flash", List.of(Message.text(Role.USER, "x")), Sampling.DEFAULTS,
                List.of(), null, new ResponseFormat.JsonSchema("s", null, RawJson.of(schema), null), null, false,
                false, null, Map.of());
        assertThatThrownBy(() -> wire(request)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getMessage()).contains("'pattern'").contains("#/properties/code/pattern");
            assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("response_format");
        });
    }

    @Test
    void geminiExtrasAreForwardedVerbatimAndOthersAre400() {
        var extra = Map.of(
                "safetySettings", RawJson.of("[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_ONLY_HIGH\"}]"),
                "cachedContent", RawJson.of("\"cachedContents/abc123\""),
                "thinkingConfig", RawJson.of("{\"thinkingBudget\":1024,\"includeThoughts\":true}"));
        var request = request(List.of(Message.text(Role.USER, "Hi"))).withSampling(Sampling.DEFAULTS.withMaxTokens(10))
                .withExtra(extra);
        assertJson(wire(request), "request/extras.json");
        var foreign = request(List.of(Message.text(Role.USER, "Hi"))).withExtra(Map.of(
                "reasoning_effort", RawJson.of("\"high\"")));
        assertThatThrownBy(() -> wire(foreign)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("reasoning_effort"));
        var labels = request(List.of(Message.text(Role.USER, "Hi"))).withExtra(Map.of(
                "labels", RawJson.of("{\"team\":\"a\"}")));
        assertThatThrownBy(() -> wire(labels)).isInstanceOf(ApiException.class);
        assertThat(Fixtures.tree(ChatRequestWire.toWire(labels, GeminiSettings.Flavor.VERTEX,
                Fixtures.strict(notes))).get("labels").get("team").asText()).isEqualTo("a");
    }

    @Test
    void thinkingAndThoughtSignaturesGoBackOnTheirParts() {
        var messages = List.of(Message.text(Role.USER, "Weather?"),
                assistant(new ContentPart.Thinking("The user wants weather.", "sig-thought"),
                        new ContentPart.Thinking("", "sig-call"),
                        new ContentPart.ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}")),
                toolResult("call_1", "{\"temp\":3}", false));
        assertJson(wire(request(messages)), "request/thinking-signature.json");
    }

    @Test
    void parametersGeminiCannotHonourAre400ByDefault() {
        var base = request(List.of(Message.text(Role.USER, "Hi")));
        var cases = Map.of(
                "user", new ChatRequest(base.model(), base.messages(), base.sampling(), List.of(), null, null, null,
                        false, false, "user-1", Map.of()),
                "parallel_tool_calls", new ChatRequest(base.model(), base.messages(), base.sampling(), List.of(),
                        null, null, false, false, false, null, Map.of()),
                "name", request(List.of(new Message(Role.USER, List.of(new ContentPart.Text("Hi")), "alice"))),
                "strict", new ChatRequest(base.model(), base.messages(), base.sampling(),
                        List.of(new Tool("f", null, RawJson.of("{}"), true)), null, null, null, false, false, null,
                        Map.of()),
                "detail", request(List.of(new Message(Role.USER, List.of(new ContentPart.Image(
                        new ImageSource.Base64("image/png", "AA=="), "high")), null))));
        cases.forEach((param, request) -> assertThatThrownBy(() -> wire(request)).as(param)
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo(param)));
        assertThat(notes.droppedParams()).isEmpty();
    }

    @Test
    void withDropAllowedTheyAreDroppedAndReported() {
        var request = new ChatRequest("gemini-2.5-flash", List.of(new Message(Role.USER,
                List.of(new ContentPart.Text("Hi")), "alice")), Sampling.DEFAULTS, List.of(), null, null, false, false,
                false, "user-1", Map.of("logit_bias", RawJson.of("{}")));
        var body = ChatRequestWire.toWire(request, GL, new Unsupported(true, notes));
        assertJson(body, "request/plain-text-hi.json");
        assertThat(notes.droppedParams()).containsExactly("name", "parallel_tool_calls", "user", "logit_bias");
    }

    @Test
    void malformedInputsAre400() {
        var badArgs = List.of(Message.text(Role.USER, "x"), assistant(new ContentPart.ToolCall("c", "f", "[1]")));
        assertThatThrownBy(() -> wire(request(badArgs))).isInstanceOf(ApiException.class);
        var seed = request(List.of(Message.text(Role.USER, "x"))).withSampling(
                new Sampling(null, null, null, List.of(), 1L << 40, null, null, null, null));
        assertThatThrownBy(() -> wire(seed)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("seed"));
        var imageInSystem = List.of(new Message(Role.SYSTEM, List.of(new ContentPart.Image(
                new ImageSource.Base64("image/png", "AA=="), null)), null));
        assertThatThrownBy(() -> wire(request(imageInSystem))).isInstanceOf(ApiException.class);
    }
}

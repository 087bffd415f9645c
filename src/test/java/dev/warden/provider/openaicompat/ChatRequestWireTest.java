package dev.warden.provider.openaicompat;

import static dev.warden.provider.openaicompat.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.provider.CallNotes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Canonical request → the exact upstream body, per recorded fixture. */
class ChatRequestWireTest {
    private final CallNotes notes = new CallNotes();

    private static ChatRequest request(String model, List<Message> messages) {
        return new ChatRequest(model, messages, Sampling.DEFAULTS, List.of(), null, null, null, false, false, null,
                Map.of());
    }

    private static ChatRequest user(String model, String text) {
        return request(model, List.of(Message.text(Role.USER, text)));
    }

    @Test
    void plainText() {
        assertJson(ChatRequestWire.toWire(user("gpt-4o-mini", "Hello"), false, Dialects.OPENAI, notes),
                "request/plain-text.json");
        assertThat(notes.droppedParams()).isEmpty();
    }

    private static ChatRequest multiTurn() {
        var sampling = new Sampling(0.2, 0.9, 100, List.of("\n\n", "END"), 42L, 0.5, -0.5, 2, null);
        var messages = List.of(
                Message.text(Role.SYSTEM, "You are terse."),
                Message.text(Role.DEVELOPER, "Answer in French."),
                new Message(Role.USER, List.of(new ContentPart.Text("Hi")), "alice"),
                Message.text(Role.ASSISTANT, "Salut."),
                Message.text(Role.USER, "How are you?"));
        return new ChatRequest("gpt-4o", messages, sampling, List.of(), null, null, null, false, false, "user-123",
                Map.of());
    }

    @Test
    void systemAndMultiTurnOnOpenAiKeepsDeveloperAndRenamesMaxTokens() {
        assertJson(ChatRequestWire.toWire(multiTurn(), false, Dialects.OPENAI, notes),
                "request/system-multi-turn.json");
    }

    @Test
    void systemAndMultiTurnOnVllmSendsDeveloperAsSystem() {
        assertJson(ChatRequestWire.toWire(multiTurn(), false, Dialects.VLLM, notes),
                "request/system-multi-turn-vllm.json");
    }

    @Test
    void imagesByUrlAndInlineBase64() {
        var message = new Message(Role.USER, List.of(
                new ContentPart.Text("What is in these images?"),
                new ContentPart.Image(new ImageSource.Url("https://example.com/cat.png"), "high"),
                new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="), null)), null);
        assertJson(ChatRequestWire.toWire(request("gpt-4o", List.of(message)), false, Dialects.OPENAI, notes),
                "request/images.json");
    }

    @Test
    void toolsToolCallsAndToolResults() {
        var schema = RawJson.of("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, "
                + "\"required\": [\"city\"]}");
        var messages = List.of(
                Message.text(Role.USER, "Weather in Paris and Rome?"),
                new Message(Role.ASSISTANT, List.of(
                        new ContentPart.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                        new ContentPart.ToolCall("call_2", "get_weather", "{\"city\":\"Rome\"}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_1",
                        List.of(new ContentPart.Text("18C, cloudy")), false)), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_2",
                        List.of(new ContentPart.Text("25C, sunny")), false)), null));
        var request = new ChatRequest("gpt-4o", messages, Sampling.DEFAULTS,
                List.of(new Tool("get_weather", "Current weather", schema, true)),
                new ToolChoice.Named("get_weather"), null, true, false, false, null, Map.of());
        assertJson(ChatRequestWire.toWire(request, false, Dialects.OPENAI, notes), "request/tools.json");
    }

    @Test
    void toolResultsInsideAUserTurnBecomeToolMessagesFirst() {
        var messages = List.of(
                new Message(Role.ASSISTANT, List.of(new ContentPart.Thinking("hidden", "sig"),
                        new ContentPart.Text("Let me check."), new ContentPart.ToolCall("toolu_1", "lookup", "{}")),
                        null),
                new Message(Role.USER, List.of(
                        new ContentPart.ToolResult("toolu_1", List.of(new ContentPart.Text("found it")), false),
                        new ContentPart.Text("Thanks, summarise.")), null));
        assertJson(ChatRequestWire.toWire(request("gpt-4o", messages), false, Dialects.OPENAI, notes),
                "request/tool-result-in-user-turn.json");
    }

    @Test
    void jsonModeAndToolChoiceNone() {
        var request = new ChatRequest("gpt-4o-mini", List.of(Message.text(Role.USER, "List three colours as JSON.")),
                Sampling.DEFAULTS, List.of(), new ToolChoice.None(), new ResponseFormat.JsonObject(), null, false,
                false, null, Map.of());
        assertJson(ChatRequestWire.toWire(request, false, Dialects.OPENAI, notes), "request/json-object.json");
    }

    @Test
    void jsonSchema() {
        var schema = RawJson.of("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"],\"additionalProperties\":false}");
        var request = new ChatRequest("gpt-4o-mini", List.of(Message.text(Role.USER, "Extract the person.")),
                Sampling.DEFAULTS, List.of(), null, new ResponseFormat.JsonSchema("person", "A person", schema, true),
                null, false, false, null, Map.of());
        assertJson(ChatRequestWire.toWire(request, false, Dialects.OPENAI, notes), "request/json-schema.json");
    }

    @Test
    void extraIsPassedThroughVerbatim() {
        var extra = new LinkedHashMap<String, RawJson>();
        extra.put("logit_bias", RawJson.of("{\"50256\": -100}"));
        extra.put("metadata", RawJson.of("{\"team\": \"search\", \"nested\": [1, 2.50, {\"deep\": null}]}"));
        extra.put("store", RawJson.of("false"));
        extra.put("reasoning_effort", RawJson.of("\"low\""));
        var body = ChatRequestWire.toWire(user("gpt-4o-mini", "Hello").withExtra(extra), false, Dialects.OPENAI,
                notes);
        assertJson(body, "request/extra.json");
        // Raw means raw: the number keeps its spelling, the spacing is the client's.
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("[1, 2.50, {\"deep\": null}]");
    }

    /** Regression: an Anthropic client's thinking config used to reach OpenAI-style upstreams, which reject it. */
    @Test
    void extraFieldsOfAnotherClientDialectAreRefusedOrDroppedAndReportedNeverSentBlindly() {
        var anthropic = user("gpt-4o-mini", "Hello");
        anthropic = new ChatRequest(anthropic.model(), anthropic.messages(), anthropic.sampling(), List.of(), null,
                null, null, false, false, null, Map.of("thinking", RawJson.of("{\"type\":\"enabled\"}")),
                "anthropic");
        var foreign = anthropic;
        assertThatThrownBy(() -> ChatRequestWire.toWire(foreign, false, Dialects.OPENAI, notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("thinking");
                });

        var dropped = new CallNotes();
        var body = new String(ChatRequestWire.toWire(foreign, false, Dialects.OPENAI, dropped, true),
                StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("thinking");
        assertThat(dropped.droppedParams()).containsExactly("thinking");
    }

    @Test
    void streamAlwaysAsksForUsageWhenTheDialectSupportsIt() {
        var request = user("gpt-4o-mini", "Hello").withSampling(Sampling.DEFAULTS.withMaxTokens(5));
        assertJson(ChatRequestWire.toWire(request, true, Dialects.OPENAI, notes), "request/stream-openai.json");
        assertJson(ChatRequestWire.toWire(request.withModel("meta-llama/Llama-3.3-70B-Instruct-Turbo"), true,
                Dialects.TOGETHER, notes), "request/stream-together.json");
    }

    @Test
    void dialectRenamesDropsWithANoteAndAddsDefaults() {
        var dialect = Dialects.custom("my-mistral", new DialectOverrides("mistral", Map.of(),
                Set.of("user", "parallel_tool_calls"), Set.of(), Map.of("safe_prompt", RawJson.of("false")),
                null, null, null, null));
        var request = new ChatRequest("mistral-large-latest", List.of(Message.text(Role.USER, "Hello")),
                new Sampling(null, null, null, List.of(), 7L, null, null, null, null), List.of(), null, null, false, false,
                false, "u-1", Map.of());
        assertJson(ChatRequestWire.toWire(request, false, dialect, notes), "request/dialect-custom.json");
        assertThat(notes.droppedParams()).containsExactly("parallel_tool_calls", "user");
    }

    @Test
    void aDefaultNeverOverridesWhatTheClientSent() {
        var dialect = Dialects.custom("d", new DialectOverrides(null, Map.of(), Set.of(), Set.of(),
                Map.of("safe_prompt", RawJson.of("false")), null, null, null, null));
        var body = ChatRequestWire.toWire(user("m", "Hi").withExtra(Map.of("safe_prompt", RawJson.of("true"))),
                false, dialect, notes);
        assertThat(Fixtures.tree(body).get("safe_prompt").asBoolean()).isTrue();
    }

    @Test
    void extraFieldsAreRenamedAndDroppedToo() {
        var body = ChatRequestWire.toWire(user("m", "Hi").withExtra(Map.of("seed", RawJson.of("3"))), false,
                Dialects.MISTRAL, notes);
        assertThat(Fixtures.tree(body).get("random_seed").asInt()).isEqualTo(3);
        assertThat(Fixtures.tree(body).has("seed")).isFalse();
    }

    @Test
    void anImageInAnAssistantTurnIsA400() {
        var message = new Message(Role.ASSISTANT, List.of(
                new ContentPart.Image(new ImageSource.Url("https://example.com/x.png"), null)), null);
        assertThatThrownBy(() -> ChatRequestWire.toWire(request("m", List.of(message)), false, Dialects.OPENAI,
                notes)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidRequest.class));
    }

    @Test
    void embeddingsAskForFloatsAndForwardTokenInputsRaw() {
        var request = new EmbeddingRequest("text-embedding-3-small", List.of("alpha", "beta"), null, null, 8, null,
                Map.of());
        assertJson(EmbeddingWire.toWire(request, notes), "request/embeddings.json");
        var tokens = new EmbeddingRequest("text-embedding-3-small", List.of(), RawJson.of("[[1, 2, 3]]"), "base64",
                null, null, Map.of());
        assertJson(EmbeddingWire.toWire(tokens, notes), "request/embeddings-tokens-base64.json");
    }

    @Test
    void legacyCompletionKeepsMaxTokensAndPassesExtra() {
        var request = new CompletionRequest("gpt-3.5-turbo-instruct", List.of("Say this is a test"),
                new Sampling(0.0, null, 7, List.of(), null, null, null, null, null), true, false, null,
                Map.of("echo", RawJson.of("true")));
        assertJson(CompletionWire.toWire(request, true, true, notes), "request/completion.json");
    }
}

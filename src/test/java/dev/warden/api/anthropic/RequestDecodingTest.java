package dev.warden.api.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.CacheHint;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDecodingTest {
    private static final CacheHint EPHEMERAL = CacheHint.of("{\"type\":\"ephemeral\"}");

    private final AnthropicCodec codec = AnthropicCodec.create();

    @Test
    void cacheControlOnBlocksAndToolsBecomesVerbatimCacheHints() {
        ChatRequest request = codec.decodeMessages(Fixtures.utf8("{\"model\":\"m\",\"max_tokens\":5,"
                + "\"system\":[{\"type\":\"text\",\"text\":\"Rules.\",\"cache_control\":{\"type\":\"ephemeral\","
                + "\"ttl\":\"1h\"}}],"
                + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"},"
                + "\"cache_control\":{\"type\":\"ephemeral\"}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"url\","
                + "\"url\":\"https://x/y.png\"},\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"text\",\"text\":\"Hi\",\"cache_control\":{\"type\":\"ephemeral\"}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"c\",\"name\":\"t\","
                + "\"input\":{},\"cache_control\":{\"type\":\"ephemeral\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"c\","
                + "\"content\":\"ok\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}"));

        assertThat(request.messages()).containsExactly(
                new Message(Role.SYSTEM, List.of(new ContentPart.Text("Rules.",
                        CacheHint.of("{\"type\":\"ephemeral\",\"ttl\":\"1h\"}"))), null),
                new Message(Role.USER, List.of(
                        new ContentPart.Image(new ImageSource.Url("https://x/y.png"), null, EPHEMERAL),
                        new ContentPart.Text("Hi", EPHEMERAL)), null),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("c", "t", "{}", EPHEMERAL)), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("c", List.of(new ContentPart.Text("ok")),
                        false, EPHEMERAL)), null));
        assertThat(request.tools()).containsExactly(
                new Tool("t", null, RawJson.of("{\"type\":\"object\"}"), null, EPHEMERAL));
    }

    @Test
    void decodesFullRequestIntoCanonicalForm() {
        ChatRequest request = codec.decodeMessages(Fixtures.bytes("messages_request_full.json"));

        assertThat(request.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(request.messages()).containsExactly(
                new Message(Role.SYSTEM, List.of(new ContentPart.Text("You are a weather bot.", EPHEMERAL),
                        new ContentPart.Text("Be brief.")), null),
                new Message(Role.USER, List.of(
                        new ContentPart.Image(new ImageSource.Base64("image/png", "iVBORw0KGgo="), null),
                        new ContentPart.Image(new ImageSource.Url("https://example.com/map.jpg"), null),
                        new ContentPart.Text("Weather in Paris and Rome?")), null),
                new Message(Role.ASSISTANT, List.of(
                        new ContentPart.Thinking("Two cities.", "EqQBCgIYAhIM"),
                        new ContentPart.Thinking("", "redacted_thinking:EmwKAhgBEgy3va3p"),
                        new ContentPart.Text("Checking both."),
                        new ContentPart.ToolCall("toolu_01", "get_weather", "{\"city\":\"Paris\",\"days\":2.50}"),
                        new ContentPart.ToolCall("toolu_02", "get_weather", "{\"city\":\"Rome\"}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("toolu_01",
                        List.of(new ContentPart.Text("18C, sunny")), false)), null),
                Message.text(Role.USER, "Also, here is a radar picture."),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("toolu_02", List.of(
                        new ContentPart.Text("Service down"),
                        new ContentPart.Image(new ImageSource.Base64("image/jpeg", "/9j/4AAQ"), null)), true,
                        EPHEMERAL)), null),
                Message.text(Role.ASSISTANT, "Paris is sunny."),
                Message.text(Role.USER, "Thanks"));
        assertThat(request.sampling()).isEqualTo(new Sampling(0.7, 0.9, 1024, List.of("\n\nHuman:", "END"), null,
                null, null, null, 40));
        assertThat(request.tools()).containsExactly(
                new Tool("get_weather", "Current weather by city", RawJson.of("{\"type\":\"object\",\"properties\":"
                        + "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"), null, EPHEMERAL),
                new Tool("no_args", null, RawJson.of("{\"type\":\"object\"}"), true));
        assertThat(request.toolChoice()).isEqualTo(new ToolChoice.Named("get_weather"));
        assertThat(request.parallelToolCalls()).isFalse();
        assertThat(request.responseFormat()).isNull();
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.user()).isEqualTo("user-42");
        assertThat(request.extra()).isEqualTo(Map.of(
                "thinking", RawJson.of("{\"type\": \"enabled\", \"budget_tokens\": 2048}"),
                "service_tier", RawJson.of("\"auto\"")));
    }

    @Test
    void minimalRequestLeavesEverythingUnsaid() {
        ChatRequest request = codec.decodeMessages(Fixtures.utf8("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"));

        assertThat(request.messages()).containsExactly(Message.text(Role.USER, "Hello"));
        assertThat(request.sampling()).isEqualTo(Sampling.DEFAULTS.withMaxTokens(1));
        assertThat(request.tools()).isEmpty();
        assertThat(request.toolChoice()).isNull();
        assertThat(request.parallelToolCalls()).isNull();
        assertThat(request.stream()).isFalse();
        assertThat(request.user()).isNull();
        assertThat(request.extra()).isEmpty();
    }

    @Test
    void toolChoiceVariantsMapToCanonical() {
        assertThat(choice("{\"type\":\"auto\"}").toolChoice()).isEqualTo(new ToolChoice.Auto());
        assertThat(choice("{\"type\":\"auto\"}").parallelToolCalls()).isNull();
        assertThat(choice("{\"type\":\"any\",\"disable_parallel_tool_use\":false}").toolChoice())
                .isEqualTo(new ToolChoice.Required());
        assertThat(choice("{\"type\":\"any\",\"disable_parallel_tool_use\":false}").parallelToolCalls()).isTrue();
        assertThat(choice("{\"type\":\"none\"}").toolChoice()).isEqualTo(new ToolChoice.None());
    }

    @Test
    void midConversationSystemMessageAfterAUserTurnIsKeptInPlace() {
        ChatRequest request = codec.decodeMessages(Fixtures.utf8("{\"model\":\"m\",\"max_tokens\":5,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Reply in French.\","
                + "\"cache_control\":{\"type\":\"ephemeral\"}}]},"
                + "{\"role\":\"assistant\",\"content\":\"Bonjour\"}]}"));

        assertThat(request.messages()).extracting(Message::role).containsExactly(Role.USER, Role.SYSTEM,
                Role.ASSISTANT);
        assertThat(request.messages().get(1).joinedText()).isEqualTo("Reply in French.");
    }

    @Test
    void emptySystemPromptAddsNoMessageAndTurnOfOnlyToolResultsAddsNoEmptyUserMessage() {
        ChatRequest request = codec.decodeMessages(Fixtures.utf8("{\"model\":\"m\",\"max_tokens\":5,\"system\":\"\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\"}]}]}"));

        assertThat(request.messages()).containsExactly(new Message(Role.TOOL,
                List.of(new ContentPart.ToolResult("t", List.of(), false)), null));
    }

    @Test
    void decodesCountTokensWithoutMaxTokens() {
        ChatRequest request = codec.decodeCountTokens(Fixtures.utf8("{\"model\":\"claude-opus-4-1\","
                + "\"system\":\"Be nice.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, world\"}],"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}"));

        assertThat(request.messages()).containsExactly(Message.text(Role.SYSTEM, "Be nice."),
                Message.text(Role.USER, "Hello, world"));
        assertThat(request.sampling()).isEqualTo(Sampling.DEFAULTS);
        assertThat(request.stream()).isFalse();
        assertThat(request.extra()).containsOnlyKeys("thinking");
    }

    private ChatRequest choice(String toolChoice) {
        return codec.decodeMessages(Fixtures.utf8("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"x\"}],\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}],"
                + "\"tool_choice\":" + toolChoice + "}"));
    }
}

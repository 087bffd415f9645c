package dev.warden.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import dev.warden.provider.CompletionAsChat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded Anthropic message bodies → the exact canonical response. */
class ResponseWireTest {

    private static ChatResponse read(String fixture, boolean jsonMode) throws IOException {
        return ResponseWire.fromWire(Fixtures.bytes(fixture), jsonMode, Fixtures.CREATED);
    }

    @Test
    void textWithCacheUsageCountsCachedTokensInsideThePrompt() throws IOException {
        var response = read("response/text-cached.json", false);
        assertThat(response.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(response.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(response.created()).isEqualTo(Fixtures.CREATED);
        assertThat(response.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message()).isEqualTo(Message.text(Role.ASSISTANT, "Hello! How can I help?"));
            assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
        });
        assertThat(response.usage()).isEqualTo(new Usage(2112, 9, 2000, 0, false));
    }

    @Test
    void parallelToolUseBecomesToolCallsWithArgumentsAsJsonText() throws IOException {
        var choice = read("response/tool-use.json", false).choices().getFirst();
        assertThat(choice.message().parts()).containsExactly(
                new ContentPart.Text("I'll check both cities."),
                new ContentPart.ToolCall("toolu_01A", "get_weather", "{\"city\":\"Paris\"}"),
                new ContentPart.ToolCall("toolu_01B", "get_weather", "{\"city\":\"Rome\",\"days\":2}"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void thinkingKeepsItsSignatureRedactedThinkingRoundTripsServerToolsAreSkipped() throws IOException {
        var response = read("response/thinking.json", false);
        var choice = response.choices().getFirst();
        assertThat(choice.message().parts()).containsExactly(
                new ContentPart.Thinking("Let me multiply.", "WaUjzkypQ2mUEVM36O2TxuC06KN8xyfbJwyem2dw3URve"),
                new ContentPart.Thinking("", MessagesWire.REDACTED_PREFIX
                        + "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"),
                new ContentPart.Text("12231"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.usage()).isEqualTo(Usage.of(50, 300));
    }

    @Test
    void emulatedJsonModeTurnsTheForcedToolIntoTextWithANaturalStop() throws IOException {
        var choice = read("response/json-mode.json", true).choices().getFirst();
        assertThat(choice.message()).isEqualTo(Message.text(Role.ASSISTANT,
                "{\"city\":\"Paris\",\"country\":\"France\"}"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
        // Without JSON mode the same body is an ordinary tool call.
        assertThat(read("response/json-mode.json", false).choices().getFirst().finishReason())
                .isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void everyStopReasonIsMapped() throws IOException {
        var expected = List.of(
                List.of("end_turn", FinishReason.STOP), List.of("stop_sequence", FinishReason.STOP),
                List.of("max_tokens", FinishReason.LENGTH), List.of("tool_use", FinishReason.TOOL_CALLS),
                List.of("refusal", FinishReason.CONTENT_FILTER), List.of("pause_turn", FinishReason.STOP),
                List.of("model_context_window_exceeded", FinishReason.LENGTH));
        for (var pair : expected) {
            var body = "{\"id\":\"m\",\"model\":\"c\",\"content\":[],\"stop_reason\":\"" + pair.get(0) + "\"}";
            var response = ResponseWire.fromWire(body.getBytes(StandardCharsets.UTF_8), false, 0);
            assertThat(response.choices().getFirst().finishReason()).as((String) pair.get(0))
                    .isEqualTo(pair.get(1));
            assertThat(response.usage()).isNull();
        }
    }

    @Test
    void aBodyThatIsNotAMessageIsRefused() {
        assertThatThrownBy(() -> ResponseWire.fromWire("{\"type\":\"error\"}".getBytes(StandardCharsets.UTF_8),
                false, 0)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ResponseWire.fromWire("<html>".getBytes(StandardCharsets.UTF_8), false, 0))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aCompletionIsTheChatAnswersText() throws IOException {
        var completion = CompletionAsChat.fromChat(read("response/text-cached.json", false));
        assertThat(completion.choices()).containsExactly(
                new CompletionResponse.TextChoice(0, "Hello! How can I help?", FinishReason.STOP));
        assertThat(completion.usage()).isEqualTo(new Usage(2112, 9, 2000, 0, false));
    }
}

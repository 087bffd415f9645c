package dev.warden.provider.openaicompat;

import static dev.warden.provider.openaicompat.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Embedding;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded upstream answers → canonical responses. */
class ResponseWireTest {

    @Test
    void chatTextWithUsageDetailsIgnoringUnknownFields() throws IOException {
        assertThat(ChatResponseWire.fromWire(bytes("response/chat-text.json"))).isEqualTo(new ChatResponse(
                "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", "gpt-4o-2024-08-06", 1741569952,
                List.of(new Choice(0, Message.text(Role.ASSISTANT, "Hello! How can I assist you today?"),
                        FinishReason.STOP)),
                new Usage(19, 10, 3, 4, false), "fp_44709d6fcb"));
    }

    @Test
    void chatToolCallsWithNullContent() throws IOException {
        var response = ChatResponseWire.fromWire(bytes("response/chat-tool-calls.json"));
        assertThat(response.choices()).containsExactly(new Choice(0, new Message(Role.ASSISTANT, List.of(
                new ContentPart.ToolCall("call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"),
                new ContentPart.ToolCall("call_def456", "get_current_weather", "{\"location\": \"Paris\"}")), null),
                FinishReason.TOOL_CALLS));
        assertThat(response.usage()).isEqualTo(Usage.of(82, 17));
        assertThat(response.systemFingerprint()).isNull();
    }

    @Test
    void reasoningBecomesThinkingAndMissingOptionalFieldsAreTolerated() throws IOException {
        var response = ChatResponseWire.fromWire(bytes("response/chat-reasoning-minimal.json"));
        assertThat(response.created()).isZero();
        assertThat(response.choices()).containsExactly(new Choice(0, new Message(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("Think: 9.11 < 9.8.", null), new ContentPart.Text("9.8 is larger.")), null),
                FinishReason.TOOL_CALLS));
        assertThat(response.usage()).isEqualTo(new Usage(12, 30, 8, 0, false));
    }

    @Test
    void finishReasonsMap() {
        var cases = new String[][] {{"stop", "STOP"}, {"length", "LENGTH"}, {"tool_calls", "TOOL_CALLS"},
            {"function_call", "TOOL_CALLS"}, {"content_filter", "CONTENT_FILTER"}, {"eos", "STOP"}};
        for (var c : cases) {
            assertThat(UsageWire.finishReason(ProviderJson.NODES.textNode(c[0])))
                    .isEqualTo(FinishReason.valueOf(c[1]));
        }
        assertThat(UsageWire.finishReason(null)).isNull();
        assertThat(UsageWire.finishReason(ProviderJson.NODES.nullNode())).isNull();
    }

    @Test
    void bodyThatIsNotAChatCompletionIsRejected() {
        assertThatThrownBy(() -> ChatResponseWire.fromWire("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ChatResponseWire.fromWire("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void textCompletion() throws IOException {
        assertThat(CompletionWire.fromWire(bytes("response/completion.json"))).isEqualTo(new CompletionResponse(
                "cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7", "gpt-3.5-turbo-instruct", 1589478378,
                List.of(new CompletionResponse.TextChoice(0, "\n\nThis is indeed a test", FinishReason.LENGTH)),
                Usage.of(5, 7)));
    }

    @Test
    void embeddingsAsFloatArrays() throws IOException {
        var response = EmbeddingWire.fromWire(bytes("response/embeddings-float.json"));
        assertThat(response.model()).isEqualTo("text-embedding-3-small");
        assertThat(response.data()).containsExactly(
                new Embedding(0, new float[] {0.0023064255f, -0.009327292f, 1.5f}),
                new Embedding(1, new float[] {0.25f, 0.5f, -0.75f}));
        assertThat(response.usage()).isEqualTo(Usage.of(8, 0));
    }

    @Test
    void embeddingsAsBase64LittleEndianFloat32() throws IOException {
        var response = EmbeddingWire.fromWire(bytes("response/embeddings-base64.json"));
        assertThat(response.data()).containsExactly(new Embedding(0, new float[] {0.25f, -1.5f, 3.0f}));
        assertThat(response.usage()).isEqualTo(Usage.of(2, 0));
    }

    @Test
    void base64EmbeddingOfAPartialFloatIsRejected() {
        var body = "{\"data\":[{\"embedding\":\"AACA\",\"index\":0}],\"model\":\"m\"}";
        assertThatThrownBy(() -> EmbeddingWire.fromWire(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}

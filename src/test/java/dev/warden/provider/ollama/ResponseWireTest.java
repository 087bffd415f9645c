package dev.warden.provider.ollama;

import static dev.warden.provider.ollama.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Embedding;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded Ollama answers → canonical responses. */
class ResponseWireTest {

    @Test
    void chatTextWithCountsAndCreatedAt() throws IOException {
        var response = ChatResponseWire.fromWire(bytes("response/chat-text.json"), Fixtures.ids(), Fixtures.NOW);
        assertThat(response).isEqualTo(new ChatResponse("id-1", "llama3.2",
                OffsetDateTime.parse("2023-12-12T14:13:43.416799Z").toEpochSecond(),
                List.of(new Choice(0, Message.text(Role.ASSISTANT, "Hello! How are you today?"), FinishReason.STOP)),
                Usage.of(26, 298), null));
    }

    @Test
    void toolCallsGetInjectedIdsWhereOllamaGaveNoneAndTheReasonIsToolCalls() throws IOException {
        var response = ChatResponseWire.fromWire(bytes("response/chat-tool-calls.json"), Fixtures.ids(),
                Fixtures.NOW);
        var choice = response.choices().getFirst();
        assertThat(choice.message().parts()).containsExactly(
                new ContentPart.ToolCall("id-1", "get_current_weather",
                        "{\"format\":\"celsius\",\"location\":\"Paris, FR\"}"),
                new ContentPart.ToolCall("call_k3j2x9aa", "get_time", "{}"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.id()).isEqualTo("id-2");
        assertThat(response.usage()).isEqualTo(Usage.of(122, 33));
    }

    @Test
    void thinkingBecomesAThinkingPartAndLengthIsLength() throws IOException {
        var response = ChatResponseWire.fromWire(bytes("response/chat-thinking-length.json"), Fixtures.ids(),
                Fixtures.NOW);
        var choice = response.choices().getFirst();
        assertThat(choice.message()).isEqualTo(new Message(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("The user asks about the sky. Rayleigh", null),
                new ContentPart.Text("Because of Rayleigh scatter")), null));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.LENGTH);
        // A zone offset is honoured, not read as UTC.
        assertThat(response.created()).isEqualTo(OffsetDateTime.parse("2025-05-29T16:35:56Z").toEpochSecond());
    }

    @Test
    void aMissingCreatedAtFallsBackToTheClockAndMissingCountsToZero() throws IOException {
        var body = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                + "\"done_reason\":\"load\"}";
        var response = ChatResponseWire.fromWire(body.getBytes(StandardCharsets.UTF_8), Fixtures.ids(),
                Fixtures.NOW);
        assertThat(response.created()).isEqualTo(Fixtures.NOW);
        assertThat(response.usage()).isEqualTo(Usage.ZERO);
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.choices().getFirst().message().parts()).isEmpty();
    }

    @Test
    void anAnswerWithoutAMessageIsMalformed() {
        assertThatThrownBy(() -> ChatResponseWire.fromWire("{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8),
                Fixtures.ids(), 0)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ChatResponseWire.fromWire("<html>".getBytes(StandardCharsets.UTF_8),
                Fixtures.ids(), 0)).isInstanceOf(IOException.class);
    }

    @Test
    void embeddingsInOrderWithPromptTokens() throws IOException {
        var response = EmbedWire.fromWire(bytes("response/embed.json"));
        assertThat(response.model()).isEqualTo("all-minilm");
        assertThat(response.data()).containsExactly(
                new Embedding(0, new float[] {0.010071029f, -0.0017594862f, 0.05007221f, 0.04692972f}),
                new Embedding(1, new float[] {-0.0098027075f, 0.06042469f, 0.025257962f, -0.006364387f}));
        assertThat(response.usage()).isEqualTo(Usage.of(8, 0));
    }

    @Test
    void generateAnswer() throws IOException {
        var response = GenerateWire.fromWire(bytes("response/generate.json"), Fixtures.ids(), Fixtures.NOW);
        assertThat(response).isEqualTo(new CompletionResponse("id-1", "codellama:code",
                OffsetDateTime.parse("2024-07-22T20:47:51.147561Z").toEpochSecond(),
                List.of(new CompletionResponse.TextChoice(0, "\n  if a == 0:\n    return b\n", FinishReason.STOP)),
                Usage.of(17, 63)));
    }

    @Test
    void tagsListThePulledModels() throws IOException {
        assertThat(TagsWire.fromWire(bytes("response/tags.json"))).containsExactly(
                new ModelInfo("deepseek-r1:latest", "ollama",
                        OffsetDateTime.parse("2025-05-10T08:06:48.639712648-07:00").toEpochSecond()),
                new ModelInfo("llama3.2:latest", "ollama",
                        OffsetDateTime.parse("2025-05-04T17:37:44.706015396-07:00").toEpochSecond()));
    }
}

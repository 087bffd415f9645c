package dev.warden.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recorded GenerateContentResponse bodies → canonical responses. */
class ResponseWireTest {
    private static final long CREATED = Fixtures.NOW.getEpochSecond();

    private static ChatResponse decode(String fixture) throws IOException {
        return ChatResponseWire.fromWire(Fixtures.bytes(fixture), "gemini-2.5-flash", Fixtures.ids(), CREATED);
    }

    @Test
    void textWithUsageIdAndModelVersion() throws IOException {
        assertThat(decode("response/text.json")).isEqualTo(new ChatResponse("mAitaLmkHPPlz7IPvtfUqQ4",
                "gemini-2.5-flash-001", CREATED, List.of(new Choice(0, new Message(Role.ASSISTANT, List.of(
                        new ContentPart.Text("Hello"), new ContentPart.Text(" wörld 🌍")), null), FinishReason.STOP)),
                Usage.of(9, 3), null));
    }

    @Test
    void functionCallsGetGeneratedIdsAndStopBecomesToolCalls() throws IOException {
        var response = decode("response/function-calls.json");
        assertThat(response.id()).isEqualTo("call_1"); // no responseId: generated, before the call ids
        assertThat(response.choices()).containsExactly(new Choice(0, new Message(Role.ASSISTANT, List.of(
                new ContentPart.ToolCall("call_2", "get_weather", "{\"city\":\"Paris\"}"),
                new ContentPart.ToolCall("call_3", "get_time", "{\"tz\":\"CET\"}")), null), FinishReason.TOOL_CALLS));
    }

    @Test
    void thoughtsSignaturesAndTheFullUsageBreakdown() throws IOException {
        var response = decode("response/thinking.json");
        assertThat(response.choices().getFirst()).isEqualTo(new Choice(0, new Message(Role.ASSISTANT, List.of(
                new ContentPart.Thinking("**Planning** I should check the weather.", null),
                new ContentPart.Thinking("", "CiQB0e2Kb3"),
                new ContentPart.ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}"),
                new ContentPart.Text("Checking the weather now.")), null), FinishReason.LENGTH));
        // prompt 120 + tool-use prompt 5; completion = candidates 20 + thoughts 64; cached 100 of the prompt
        assertThat(response.usage()).isEqualTo(new Usage(125, 84, 100, 64, false));
        assertThat(response.usage().totalTokens()).isEqualTo(209);
    }

    @Test
    void aBlockedPromptIsOneEmptyChoiceFinishedByTheContentFilter() throws IOException {
        assertThat(decode("response/prompt-blocked.json")).isEqualTo(new ChatResponse("resp-blocked",
                "gemini-2.5-flash", CREATED, List.of(new Choice(0, new Message(Role.ASSISTANT, List.of(), null),
                        FinishReason.CONTENT_FILTER)), Usage.of(7, 0), null));
    }

    @Test
    void aCandidateStoppedForSafetyHasNoContent() throws IOException {
        assertThat(decode("response/safety.json").choices()).containsExactly(new Choice(0,
                new Message(Role.ASSISTANT, List.of(), null), FinishReason.CONTENT_FILTER));
    }

    @Test
    void severalCandidatesKeepTheirIndexAndReason() throws IOException {
        assertThat(decode("response/two-candidates.json").choices()).extracting(Choice::index, Choice::finishReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, FinishReason.STOP),
                        org.assertj.core.groups.Tuple.tuple(1, FinishReason.CONTENT_FILTER));
    }

    @Test
    void finishReasonTable() {
        var expected = Map.ofEntries(Map.entry("STOP", FinishReason.STOP), Map.entry("MAX_TOKENS", FinishReason.LENGTH),
                Map.entry("SAFETY", FinishReason.CONTENT_FILTER), Map.entry("RECITATION", FinishReason.CONTENT_FILTER),
                Map.entry("BLOCKLIST", FinishReason.CONTENT_FILTER),
                Map.entry("PROHIBITED_CONTENT", FinishReason.CONTENT_FILTER),
                Map.entry("SPII", FinishReason.CONTENT_FILTER), Map.entry("IMAGE_SAFETY", FinishReason.CONTENT_FILTER),
                Map.entry("OTHER", FinishReason.STOP), Map.entry("LANGUAGE", FinishReason.STOP),
                Map.entry("MALFORMED_FUNCTION_CALL", FinishReason.STOP),
                Map.entry("FINISH_REASON_UNSPECIFIED", FinishReason.STOP), Map.entry("SOMETHING_NEW", FinishReason.STOP));
        expected.forEach((wire, reason) -> assertThat(UsageWire.finishReason(TextNode.valueOf(wire), false))
                .as(wire).isEqualTo(reason));
        assertThat(UsageWire.finishReason(TextNode.valueOf("STOP"), true)).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(UsageWire.finishReason(TextNode.valueOf("MAX_TOKENS"), true)).isEqualTo(FinishReason.LENGTH);
        assertThat(UsageWire.finishReason(null, false)).isNull();
    }

    @Test
    void aBodyWithNeitherCandidatesNorABlockIsMalformed() {
        assertThatThrownBy(() -> ChatResponseWire.fromWire("{\"usageMetadata\":{}}".getBytes(StandardCharsets.UTF_8),
                "m", Fixtures.ids(), CREATED)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ChatResponseWire.fromWire("<html>".getBytes(StandardCharsets.UTF_8), "m",
                Fixtures.ids(), CREATED)).isInstanceOf(IOException.class);
    }
}

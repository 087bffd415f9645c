package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Converse answers → canonical, per recorded fixture. */
class ConverseResponseWireTest {

    @Test
    void toolUseReasoningAndCacheUsage() throws IOException {
        var response = ConverseResponseWire.fromWire(Fixtures.bytes("response/tool-use-with-reasoning.json"),
                "req-1", "m", 1_700_000_000L, null);
        assertThat(response.id()).isEqualTo("req-1");
        var choice = response.choices().getFirst();
        assertThat(choice.message().parts()).containsExactly(
                new ContentPart.Thinking("Need the weather.", "sig-xyz"),
                new ContentPart.Text("Checking."),
                new ContentPart.ToolCall("tooluse_9", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        // prompt = input + cache read + cache write; cached = cache read
        assertThat(response.usage()).isEqualTo(new Usage(1012, 30, 800, 0, false));
    }

    @Test
    void theForcedJsonToolBecomesTheAnswerText() throws IOException {
        var response = ConverseResponseWire.fromWire(Fixtures.bytes("response/json-tool.json"), "req-2", "m", 0,
                "person");
        var choice = response.choices().getFirst();
        assertThat(choice.message().parts()).containsExactly(new ContentPart.Text("{\"name\":\"Ada\"}"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.of(40, 12));
    }

    @Test
    void everyDocumentedStopReasonMaps() {
        var expected = List.of(
                new Object[] {"end_turn", FinishReason.STOP}, new Object[] {"stop_sequence", FinishReason.STOP},
                new Object[] {"max_tokens", FinishReason.LENGTH},
                new Object[] {"model_context_window_exceeded", FinishReason.LENGTH},
                new Object[] {"tool_use", FinishReason.TOOL_CALLS},
                new Object[] {"guardrail_intervened", FinishReason.CONTENT_FILTER},
                new Object[] {"content_filtered", FinishReason.CONTENT_FILTER},
                new Object[] {"malformed_model_output", FinishReason.STOP},
                new Object[] {"malformed_tool_use", FinishReason.STOP});
        for (var pair : expected) {
            assertThat(UsageWire.finishReason((String) pair[0])).as((String) pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void aBodyWithoutOutputIsMalformed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConverseResponseWire.fromWire(
                "{\"stopReason\":\"end_turn\"}".getBytes(), "r", "m", 0, null)).isInstanceOf(IOException.class);
    }
}

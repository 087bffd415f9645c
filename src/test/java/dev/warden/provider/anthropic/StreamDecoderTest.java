package dev.warden.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.provider.SseReader;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** Recorded Anthropic event streams → the exact canonical events and outcome. */
class StreamDecoderTest {

    @Test
    void textStreamWithPingAndCachedUsage() {
        var decoded = Fixtures.decode("stream/text.sse", false);
        var usage = new Usage(325, 15, 300, 0, false);
        assertThat(decoded.events()).containsExactly(
                new StreamEvent.Start("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "claude-sonnet-4-5", Fixtures.CREATED),
                new StreamEvent.TextDelta(0, "Hello"), new StreamEvent.TextDelta(0, "!"),
                new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
        assertThat(decoded.decoder().state()).isEqualTo(StreamDecoder.State.ENDED);
    }

    @Test
    void parallelToolUseNumbersOnlyToolBlocksAndForwardsInputJsonFragments() {
        var decoded = Fixtures.decode("stream/parallel-tool-use.sse", false);
        assertThat(decoded.events()).containsExactly(
                new StreamEvent.Start("msg_014p7gG3wDgGV9EUtLvnow3U", "claude-sonnet-4-5", Fixtures.CREATED),
                new StreamEvent.TextDelta(0, "Checking both."),
                new StreamEvent.ToolCallStart(0, 0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 0, "{\"city\": \"Pa"),
                new StreamEvent.ToolCallDelta(0, 0, "ris\"}"),
                new StreamEvent.ToolCallStart(0, 1, "toolu_02", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 1, "{\"city\":"),
                new StreamEvent.ToolCallDelta(0, 1, " \"Rome\"}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReport(Usage.of(472, 89), null));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(Usage.of(472, 89)));
    }

    @Test
    void thinkingIsReasoningSignaturesAreKeptAndMessageDeltaUsageReplacesCounts() {
        var decoded = Fixtures.decode("stream/thinking.sse", false);
        var usage = new Usage(15, 120, 5, 0, false);
        assertThat(decoded.events()).containsExactly(
                new StreamEvent.Start("msg_01", "claude-sonnet-4-5", Fixtures.CREATED),
                new StreamEvent.ReasoningDelta(0, "Let me solve this step by step:\n\n1. First break down 27 * 453"),
                new StreamEvent.ReasoningDelta(0, "\n2. 453 = 400 + 50 + 3"),
                new StreamEvent.ReasoningDelta(0, "", "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds"),
                new StreamEvent.TextDelta(0, "27 * 453 = 12,231"),
                new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, null));
        assertThat(decoded.decoder().thinkingSignatures())
                .containsExactly("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds");
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Complete(usage));
    }

    @Test
    void aStreamCutBeforeMessageStopIsTruncatedWithTheUsageKnownSoFar() {
        var decoded = Fixtures.decode("stream/truncated.sse", false);
        assertThat(decoded.events()).endsWith(new StreamEvent.TextDelta(0, "Hello"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Truncated(Usage.of(25, 1),
                StreamDecoder.TRUNCATED));
    }

    @Test
    void anOverloadedErrorEventFailsTheStreamWith503() {
        var decoded = Fixtures.decode("stream/in-stream-error.sse", false);
        assertThat(decoded.events()).endsWith(new StreamEvent.TextDelta(0, "Hello"));
        assertThat(decoded.outcome()).isEqualTo(new StreamOutcome.Failed(Usage.of(25, 1),
                new ApiError.Upstream(503, "Overloaded", "overloaded_error", null, null, null)));
    }

    @Test
    void emulatedJsonModeStreamsTheForcedToolInputAsText() {
        var decoded = Fixtures.decode("stream/json-mode.sse", true);
        assertThat(decoded.events()).containsExactly(
                new StreamEvent.Start("msg_json", "claude-sonnet-4-5", Fixtures.CREATED),
                new StreamEvent.TextDelta(0, "{\"city\": \"Paris\""), new StreamEvent.TextDelta(0, "}"),
                new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(Usage.of(30, 20), null));
    }

    @Test
    void eventsBeforeMessageStartOrForUnknownBlocksAreMalformed() {
        var decoder = new StreamDecoder(event -> { }, Fixtures.SCRUBBER, false, 0);
        var outcome = decoder.accept(new SseReader.Event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        assertThat(outcome).isInstanceOfSatisfying(StreamOutcome.Failed.class,
                f -> assertThat(f.error().message()).isEqualTo(StreamDecoder.MALFORMED));
        assertThatThrownBy(() -> decoder.accept(new SseReader.Event("ping", "{\"type\":\"ping\"}")))
                .isInstanceOf(IllegalStateException.class);

        var second = new StreamDecoder(event -> { }, Fixtures.SCRUBBER, false, 0);
        second.accept(new SseReader.Event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}"));
        assertThat(second.accept(new SseReader.Event("content_block_delta", "{\"type\":\"content_block_delta\","
                + "\"index\":3,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}")))
                .isInstanceOf(StreamOutcome.Failed.class);
        var third = new StreamDecoder(event -> { }, Fixtures.SCRUBBER, false, 0);
        assertThat(third.accept(new SseReader.Event(null, "not json"))).isInstanceOf(StreamOutcome.Failed.class);
    }

    @Test
    void unknownEventTypesAndEmptyDataAreIgnored() {
        var events = new ArrayList<StreamEvent>();
        var decoder = new StreamDecoder(events::add, Fixtures.SCRUBBER, false, 0);
        assertThat(decoder.accept(new SseReader.Event("future_event", "{\"type\":\"future_event\"}"))).isNull();
        assertThat(decoder.accept(new SseReader.Event(null, " "))).isNull();
        assertThat(events).isEmpty();
        assertThat(decoder.endOfBody(true)).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.IDLE));
    }
}

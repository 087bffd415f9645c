package dev.warden.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.testkit.AnthropicBehaviour;
import dev.warden.testkit.AnthropicEvents;
import dev.warden.testkit.FakeAnthropicUpstream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streams through the provider against the strict fake Anthropic upstream on loopback. */
@Timeout(20)
class AnthropicProviderStreamTest {
    private static final String MODEL = "claude-sonnet-4-5";
    private static final AnthropicSettings SETTINGS =
            new AnthropicSettings("2023-06-01", 1024, List.of("token-efficient-tools-2025-02-19", "beta-two"));

    private final FakeAnthropicUpstream fake = FakeAnthropicUpstream.start();
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private Endpoint endpoint(Timeouts timeouts) {
        return new Endpoint("claude", fake.baseUrl(), fake.apiKey(), Map.of("X-Team", "platform"), timeouts);
    }

    private AnthropicProvider provider() {
        return AnthropicProvider.create(endpoint(Timeouts.DEFAULTS), SETTINGS, client);
    }

    private AnthropicProvider provider(Timeouts timeouts) {
        return AnthropicProvider.create(endpoint(timeouts), SETTINGS, client);
    }

    private static ChatRequest hello() {
        return new ChatRequest(MODEL, List.of(Message.text(Role.SYSTEM, "Be brief."),
                Message.text(Role.USER, "Hello there")), Sampling.DEFAULTS, List.of(), null, null, null, false, false,
                null, Map.of());
    }

    private static final Tool WEATHER = new Tool("get_weather", "Weather", RawJson.of("{\"type\":\"object\"}"), null);

    @Test
    void streamText() {
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello(), events::add, notes);
        var usage = Usage.of(4, 3);
        assertThat(events).hasSize(6);
        assertThat(events.getFirst()).isInstanceOfSatisfying(StreamEvent.Start.class,
                start -> assertThat(start.id()).isEqualTo("msg_fake_stream"));
        assertThat(events.subList(1, 6)).containsExactly(new StreamEvent.TextDelta(0, "Echo:"),
                new StreamEvent.TextDelta(0, " Hello"), new StreamEvent.TextDelta(0, " there"),
                new StreamEvent.Finish(0, FinishReason.STOP), new StreamEvent.UsageReport(usage, null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(usage));
        assertThat(fake.lastRequest().header("accept")).hasValue("text/event-stream");
        assertThat(fake.lastBody().get("stream").asBoolean()).isTrue();
        assertThat(notes.upstreamRequestId()).isEqualTo("req_fake_stream");
    }

    @Test
    void streamToolUseReassemblesInputJsonDeltasAcrossEvents() {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "Paris please")), Sampling.DEFAULTS,
                List.of(WEATHER), new ToolChoice.Named("get_weather"), null, null, false, false, null, Map.of());
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(request, events::add, notes);
        assertThat(events).contains(new StreamEvent.ToolCallStart(0, 0, "toolu_fake_1", "get_weather"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        var arguments = new StringBuilder();
        events.stream().filter(StreamEvent.ToolCallDelta.class::isInstance).map(StreamEvent.ToolCallDelta.class::cast)
                .forEach(d -> arguments.append(d.argumentsFragment()));
        assertThat(events.stream().filter(StreamEvent.ToolCallDelta.class::isInstance)).hasSize(2);
        assertThat(arguments.toString()).isEqualTo("{\"echo\":\"Paris please\"}");
        assertThat(outcome).isInstanceOf(StreamOutcome.Complete.class);
    }

    @Test
    void streamParallelToolCalls() {
        fake.enqueue(AnthropicBehaviour.stream(List.of(AnthropicEvents.messageStart(MODEL, 9),
                AnthropicEvents.toolUseStart(0, "toolu_a", "get_weather"),
                AnthropicEvents.inputJsonDelta(0, "{\"city\":\"Paris\"}"), AnthropicEvents.blockStop(0),
                AnthropicEvents.toolUseStart(1, "toolu_b", "get_weather"),
                AnthropicEvents.inputJsonDelta(1, "{\"city\":"), AnthropicEvents.inputJsonDelta(1, "\"Rome\"}"),
                AnthropicEvents.blockStop(1), AnthropicEvents.messageDelta("tool_use", 30),
                AnthropicEvents.messageStop()), 0));
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello(), events::add, notes);
        assertThat(events.subList(1, events.size())).containsExactly(
                new StreamEvent.ToolCallStart(0, 0, "toolu_a", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 0, "{\"city\":\"Paris\"}"),
                new StreamEvent.ToolCallStart(0, 1, "toolu_b", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 1, "{\"city\":"), new StreamEvent.ToolCallDelta(0, 1, "\"Rome\"}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReport(Usage.of(9, 30), null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(9, 30)));
    }

    @Test
    void streamThinking() {
        fake.enqueue(AnthropicBehaviour.stream(List.of(AnthropicEvents.messageStart(MODEL, 9),
                AnthropicEvents.thinkingStart(0), AnthropicEvents.thinkingDelta(0, "Hmm."),
                AnthropicEvents.signatureDelta(0, "sig-1"), AnthropicEvents.blockStop(0),
                AnthropicEvents.textStart(1), AnthropicEvents.textDelta(1, "Done."), AnthropicEvents.blockStop(1),
                AnthropicEvents.messageDelta("end_turn", 12), AnthropicEvents.messageStop()), 0));
        var events = new ArrayList<StreamEvent>();
        provider().streamChat(hello(), events::add, notes);
        // Regression: the signature used to be kept inside the decoder and never reached the client.
        assertThat(events.subList(1, 4)).containsExactly(new StreamEvent.ReasoningDelta(0, "Hmm."),
                new StreamEvent.ReasoningDelta(0, "", "sig-1"), new StreamEvent.TextDelta(0, "Done."));
    }

    @Test
    void aStreamCutBeforeMessageStopIsTruncated() {
        fake.enqueue(AnthropicBehaviour.stream(List.of(AnthropicEvents.messageStart(MODEL, 9),
                AnthropicEvents.textStart(0), AnthropicEvents.textDelta(0, "Hi")), 0));
        var outcome = provider().streamChat(hello(), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(Usage.of(9, 1), StreamDecoder.TRUNCATED));
    }

    @Test
    void anOverloadedErrorInsideTheStreamFailsItWith503() {
        fake.enqueue(AnthropicBehaviour.overloadedMidStream(MODEL, "Hi"));
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello(), events::add, notes);
        assertThat(events).contains(new StreamEvent.TextDelta(0, "Hi"));
        assertThat(outcome).isEqualTo(new StreamOutcome.Failed(Usage.of(5, 1),
                new ApiError.Upstream(503, "Overloaded", "overloaded_error", null, null, null)));
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstream() throws InterruptedException {
        var events = new ArrayList<AnthropicEvents.Event>();
        events.add(AnthropicEvents.messageStart(MODEL, 3));
        events.add(AnthropicEvents.textStart(0));
        for (int i = 0; i < 100; i++) {
            events.add(AnthropicEvents.textDelta(0, "t" + i));
        }
        fake.enqueue(AnthropicBehaviour.stream(events, 50));
        var delivered = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello(), event -> {
            if (event instanceof StreamEvent.TextDelta) {
                throw new ClientGoneException(new IOException("Broken pipe"));
            }
            delivered.add(event);
        }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.ClientGone(Usage.of(3, 1)));
        assertThat(delivered).hasSize(1);
        // 100 events at 50 ms would take 5 s; the fake must see the hang-up long before.
        assertThat(fake.awaitStreamsAbortedByPeer(1, Duration.ofSeconds(2))).isTrue();
        assertThat(fake.streamsCompleted()).isZero();
    }

    @Test
    void aStreamThatGoesSilentIsTruncatedByTheIdleTimeout() {
        fake.enqueue(AnthropicBehaviour.stream(List.of(AnthropicEvents.messageStart(MODEL, 2),
                AnthropicEvents.textStart(0), AnthropicEvents.textDelta(0, "late")), 3_000));
        var timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300));
        var outcome = provider(timeouts).streamChat(hello(), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(Usage.of(2, 1), StreamDecoder.IDLE));
    }
}

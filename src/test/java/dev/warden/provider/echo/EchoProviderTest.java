package dev.warden.provider.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.CallNotes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoProviderTest {
    private final EchoProvider echo = EchoProvider.create("echo",
            InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000)), () -> "abc");

    private static ChatRequest ask(String text, Integer maxTokens) {
        return new ChatRequest("echo", List.of(Message.text(Role.SYSTEM, "be brief"), Message.text(Role.USER, text)),
                Sampling.DEFAULTS.withMaxTokens(maxTokens), List.of(), null, null, null, false, false, null, Map.of());
    }

    @Test
    void repeatsTheLastUserMessageLabelledAsTheDemo() {
        var response = echo.chat(ask("hello there", null), new CallNotes());
        assertThat(response.id()).isEqualTo("chatcmpl-abc");
        assertThat(response.created()).isEqualTo(1_700_000_000L);
        assertThat(response.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().joinedText()).isEqualTo("[warden echo demo] hello there");
            assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
        });
        assertThat(response.usage().estimated()).isTrue();
        assertThat(response.usage().completionTokens()).isPositive();
    }

    @Test
    void honoursMaxTokensWithFinishReasonLength() {
        var response = echo.chat(ask("one two three four five", 3), new CallNotes());
        assertThat(response.choices().getFirst().message().joinedText()).isEqualTo("[warden echo demo] ");
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void streamsWordsThatConcatenateToTheWholeAnswer() {
        var events = new ArrayList<StreamEvent>();
        var outcome = echo.streamChat(ask("stream me please", null), events::add, new CallNotes());

        assertThat(outcome).isInstanceOf(StreamOutcome.Complete.class);
        assertThat(events.getFirst()).isInstanceOf(StreamEvent.Start.class);
        var text = new StringBuilder();
        events.forEach(e -> {
            if (e instanceof StreamEvent.TextDelta(var c, var t)) {
                text.append(t);
            }
        });
        assertThat(text).hasToString("[warden echo demo] stream me please");
        assertThat(events).contains(new StreamEvent.Finish(0, FinishReason.STOP));
        assertThat(events.getLast()).isInstanceOf(StreamEvent.UsageReport.class);
    }

    @Test
    void aDepartedClientEndsTheStreamAsClientGone() {
        var count = new int[1];
        var outcome = echo.streamChat(ask("a b c d e f", null), event -> {
            if (++count[0] == 3) {
                throw new ClientGoneException(new java.io.IOException("reset"));
            }
        }, new CallNotes());
        assertThat(outcome).isInstanceOf(StreamOutcome.ClientGone.class);
        assertThat(count[0]).isEqualTo(3);
    }

    @Test
    void embeddingsAreDeterministicUnitVectors() {
        var request = new EmbeddingRequest("echo", List.of("alpha", "beta", "alpha"), null, null, null, null,
                Map.of());
        var response = echo.embed(request, new CallNotes());
        assertThat(response.data()).hasSize(3);
        assertThat(response.data().get(0).vector()).isEqualTo(response.data().get(2).vector());
        assertThat(response.data().get(0).vector()).isNotEqualTo(response.data().get(1).vector());
        double norm = 0;
        for (var v : response.data().get(1).vector()) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
}

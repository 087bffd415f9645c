package dev.warden.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterStageTest {
    private static final TokenCounter COUNTER = TokenCounter.create();
    private final MeterStage stage = new MeterStage(COUNTER);

    private static ChatRequest chat(String model, boolean stream, String text) {
        return new ChatRequest(model, List.of(Message.text(Role.USER, text)), Sampling.DEFAULTS, List.of(), null,
                null, null, stream, false, null, Map.of(), ChatRequest.OPENAI_EXTRAS);
    }

    private static Exchange exchange(Operation operation, List<StreamEvent> delivered) {
        var exchange = new Exchange("req", "openai", "/v1/chat/completions", Instant.EPOCH, 0, "k", () -> operation,
                delivered::add);
        exchange.operation(operation);
        return exchange;
    }

    private static ChatResponse answer(String text, Usage usage) {
        return new ChatResponse("id", "gpt-4o", 0, List.of(new Choice(0, Message.text(Role.ASSISTANT, text),
                FinishReason.STOP)), usage, null);
    }

    @Test
    void openAiModelsAreCountedWithTheirOwnEncoding() {
        // "hello world" is 2 tokens in both o200k_base and cl100k_base; "Warden" splits differently.
        assertThat(COUNTER.count("hello world", "gpt-4o")).isEqualTo(2);
        assertThat(COUNTER.encodingFor("gpt-4o-mini").getName()).isEqualTo("o200k_base");
        assertThat(COUNTER.encodingFor("openai/o3-mini").getName()).isEqualTo("o200k_base");
        assertThat(COUNTER.encodingFor("gpt-3.5-turbo").getName()).isEqualTo("cl100k_base");
        assertThat(COUNTER.encodingFor("llama-3.1-8b").getName()).isEqualTo("cl100k_base");
        // One user message: 3 to prime the answer + 3 framing + 2 of text.
        assertThat(COUNTER.prompt(chat("gpt-4o", false, "hello world"))).isEqualTo(8);
    }

    @Test
    void anAnswerWithoutUsageGetsAnEstimatedCountAndOneWithUsageIsLeftAlone() {
        var operation = new Operation.Chat(chat("gpt-4o", false, "hello world"));
        var estimated = stage.apply(exchange(operation, new ArrayList<>()),
                ex -> new Reply.Chat(answer("hello world", null)));
        assertThat(((Reply.Chat) estimated).response().usage()).isEqualTo(new Usage(8, 2, 0, 0, true));

        var reported = new Usage(11, 5, 0, 0, false);
        var kept = stage.apply(exchange(operation, new ArrayList<>()), ex -> new Reply.Chat(answer("x", reported)));
        assertThat(((Reply.Chat) kept).response().usage()).isSameAs(reported);
    }

    @Test
    void aStreamWithoutUsageIsCountedFromItsEventsWhichStillReachTheClientUnchanged() {
        var operation = new Operation.Chat(chat("gpt-4o", true, "hello world"));
        var delivered = new ArrayList<StreamEvent>();
        var exchange = exchange(operation, delivered);
        var events = List.<StreamEvent>of(new StreamEvent.TextDelta(0, "hello"), new StreamEvent.TextDelta(0, " world"),
                new StreamEvent.Finish(0, FinishReason.STOP));
        var reply = stage.apply(exchange, ex -> {
            events.forEach(event -> ex.sink().accept(event));
            return new Reply.Streamed(new StreamOutcome.Truncated(null, "upstream closed"));
        });
        assertThat(delivered).isEqualTo(events);
        var outcome = ((Reply.Streamed) reply).outcome();
        assertThat(outcome).isInstanceOf(StreamOutcome.Truncated.class);
        assertThat(outcome.usage()).isEqualTo(new Usage(8, 2, 0, 0, true));
    }
}

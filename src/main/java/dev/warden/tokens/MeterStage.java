package dev.warden.tokens;

import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;

/**
 * Makes sure every answered call carries token usage: when the upstream reported none (some OpenAI-compatible
 * servers, an interrupted stream), the prompt and the answer are counted here and the usage is marked estimated.
 * For streams the answer's text is gathered from the events as they pass, without delaying them.
 */
public final class MeterStage implements Stage {
    private final TokenCounter counter;

    public MeterStage(TokenCounter counter) {
        this.counter = counter;
    }

    @Override
    public Slot slot() {
        return Slot.METER;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var operation = exchange.requireOperation();
        if (operation.streaming()) {
            var answer = new StringBuilder();
            exchange.tap(event -> {
                switch (event) {
                    case StreamEvent.TextDelta text -> answer.append(text.text());
                    case StreamEvent.ReasoningDelta reasoning -> answer.append(reasoning.text());
                    case StreamEvent.ToolCallStart start -> answer.append(start.name());
                    case StreamEvent.ToolCallDelta delta -> answer.append(delta.argumentsFragment());
                    default -> { }
                }
            });
            var reply = next.proceed(exchange);
            if (reply instanceof Reply.Streamed(var outcome) && outcome.usage() == null) {
                var usage = TokenCounter.estimated(prompt(operation), counter.count(answer.toString(), model(operation)));
                return new Reply.Streamed(switch (outcome) {
                    case StreamOutcome.Complete complete -> new StreamOutcome.Complete(usage);
                    case StreamOutcome.Truncated truncated -> new StreamOutcome.Truncated(usage, truncated.detail());
                    case StreamOutcome.Failed failed -> new StreamOutcome.Failed(usage, failed.error());
                    case StreamOutcome.ClientGone gone -> new StreamOutcome.ClientGone(usage);
                });
            }
            return reply;
        }
        var reply = next.proceed(exchange);
        return switch (reply) {
            case Reply.Chat(var response) when response.usage() == null -> new Reply.Chat(withUsage(operation, response));
            case Reply.Completion(var response) when response.usage() == null ->
                    new Reply.Completion(withUsage(operation, response));
            default -> reply;
        };
    }

    private ChatResponse withUsage(Operation operation, ChatResponse response) {
        long completion = 0;
        for (var choice : response.choices()) {
            completion += counter.count(choice.message().joinedText(), response.model());
            for (var call : choice.message().toolCalls()) {
                completion += counter.count(call.name(), response.model()) + counter.count(call.arguments(),
                        response.model());
            }
        }
        return new ChatResponse(response.id(), response.model(), response.created(), response.choices(),
                TokenCounter.estimated(prompt(operation), completion), response.systemFingerprint());
    }

    private CompletionResponse withUsage(Operation operation, CompletionResponse response) {
        long completion = 0;
        for (var choice : response.choices()) {
            completion += counter.count(choice.text(), response.model());
        }
        return new CompletionResponse(response.id(), response.model(), response.created(), response.choices(),
                TokenCounter.estimated(prompt(operation), completion));
    }

    private long prompt(Operation operation) {
        return switch (operation) {
            case Operation.Chat chat -> counter.prompt(chat.request());
            case Operation.Completion completion -> counter.prompt(completion.request());
            default -> 0;
        };
    }

    private static String model(Operation operation) {
        return operation.model().orElse("");
    }
}

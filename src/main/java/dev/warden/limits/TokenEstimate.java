package dev.warden.limits;

import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Sampling;
import dev.warden.pipeline.Operation;
import java.util.List;

/**
 * A rough token count charged against tokens-per-minute before the call: about four characters per token of
 * input, plus the output the client allows ({@code max_tokens}). It only has to be in the right range: the real
 * count from the upstream's usage settles the difference afterwards.
 */
final class TokenEstimate {
    private static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {}

    static long of(Operation operation) {
        return switch (operation) {
            case Operation.Chat chat -> input(messageChars(chat.request().messages()))
                    + output(chat.request().sampling());
            case Operation.Completion completion -> input(completion.request().prompts().stream()
                    .mapToLong(String::length).sum()) + output(completion.request().sampling());
            case Operation.Embeddings embeddings -> input(embeddings.request().inputs().stream()
                    .mapToLong(String::length).sum());
            case Operation.CountTokens count -> 0;
            case Operation.Preload preload -> 0;
            case Operation.ListModels list -> 0;
            case Operation.GetModel get -> 0;
        };
    }

    private static long input(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static long output(Sampling sampling) {
        long perChoice = sampling.maxTokens() == null ? 0 : sampling.maxTokens();
        long choices = sampling.n() == null ? 1 : Math.max(1, sampling.n());
        return perChoice * choices;
    }

    private static long messageChars(List<Message> messages) {
        long chars = 0;
        for (var message : messages) {
            chars += partChars(message.parts());
        }
        return chars;
    }

    private static long partChars(List<ContentPart> parts) {
        long chars = 0;
        for (var part : parts) {
            chars += switch (part) {
                case ContentPart.Text text -> text.text().length();
                case ContentPart.ToolCall call -> call.name().length() + call.arguments().length();
                case ContentPart.ToolResult result -> partChars(result.content());
                case ContentPart.Thinking thinking -> thinking.text().length();
                case ContentPart.Image image -> 0;
            };
        }
        return chars;
    }
}

package dev.warden.spend;

import dev.warden.llm.ContentPart;
import dev.warden.pipeline.Operation;

/**
 * Cheap upper-leaning guesses for a reservation, before anything is tokenized: about four characters per token
 * plus framing per message, and the request's own output limit (times the number of choices).
 */
final class Estimates {
    private Estimates() {}

    static long promptTokens(Operation operation) {
        long chars = 0;
        long messages = 0;
        switch (operation) {
            case Operation.Chat chat -> {
                for (var message : chat.request().messages()) {
                    messages++;
                    for (var part : message.parts()) {
                        chars += switch (part) {
                            case ContentPart.Text text -> text.text().length();
                            case ContentPart.ToolCall call -> call.arguments().length() + call.name().length();
                            case ContentPart.ToolResult result -> result.content().size() * 256L;
                            case ContentPart.Thinking thinking -> thinking.text().length();
                            case ContentPart.Image image -> 4 * 1105;
                        };
                    }
                }
                for (var tool : chat.request().tools()) {
                    chars += tool.parameters().json().length() + tool.name().length();
                }
            }
            case Operation.Completion completion -> {
                for (var prompt : completion.request().prompts()) {
                    chars += prompt.length();
                }
            }
            case Operation.Embeddings embeddings -> {
                for (var input : embeddings.request().inputs()) {
                    chars += input.length();
                }
            }
            default -> { }
        }
        return chars / 4 + 4 * messages + 8;
    }

    static long maxOutputTokens(Operation operation, long fallback) {
        var sampling = switch (operation) {
            case Operation.Chat chat -> chat.request().sampling();
            case Operation.Completion completion -> completion.request().sampling();
            default -> null;
        };
        if (sampling == null) {
            return 0;
        }
        long each = sampling.maxTokens() == null ? fallback : sampling.maxTokens();
        long choices = sampling.n() == null ? 1 : Math.max(1, sampling.n());
        return each * choices;
    }
}

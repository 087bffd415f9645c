package dev.warden.llm;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A legacy text completion answer. */
public record CompletionResponse(String id, String model, long created, List<TextChoice> choices,
        @Nullable Usage usage) {

    public CompletionResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
    }

    public record TextChoice(int index, String text, @Nullable FinishReason finishReason) {
        public TextChoice {
            Objects.requireNonNull(text, "text");
        }
    }
}

package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One alternative answer; most requests have exactly one. {@code finishReason} is null only if unknown. */
public record Choice(int index, Message message, @Nullable FinishReason finishReason) {
    public Choice {
        Objects.requireNonNull(message, "message");
    }
}

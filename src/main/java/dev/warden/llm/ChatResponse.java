package dev.warden.llm;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A complete (non-streamed) chat answer.
 *
 * @param created unix seconds, as the upstream reported or as Warden stamped it
 * @param usage null when the upstream reported none
 */
public record ChatResponse(String id, String model, long created, List<Choice> choices, @Nullable Usage usage,
        @Nullable String systemFingerprint) {
    public ChatResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
    }
}

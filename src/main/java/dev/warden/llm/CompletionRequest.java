package dev.warden.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A legacy text completion request ({@code /v1/completions}): one or more prompts instead of messages.
 *
 * @param prompts the prompt strings (a single prompt is a list of one)
 */
public record CompletionRequest(
        String model,
        List<String> prompts,
        Sampling sampling,
        boolean stream,
        boolean includeUsage,
        @Nullable String user,
        Map<String, RawJson> extra) {

    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampling, "sampling");
        prompts = List.copyOf(prompts);
        extra = Map.copyOf(extra);
    }

    public CompletionRequest withModel(String upstreamModel) {
        return new CompletionRequest(upstreamModel, prompts, sampling, stream, includeUsage, user, extra);
    }
}

package dev.warden.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A legacy text completion request ({@code /v1/completions}): one or more prompts instead of messages.
 *
 * @param prompts the prompt strings (a single prompt is a list of one)
 * @param extraDialect the client dialect {@code extra} belongs to, as in {@link ChatRequest}
 */
public record CompletionRequest(
        String model,
        List<String> prompts,
        Sampling sampling,
        boolean stream,
        boolean includeUsage,
        @Nullable String user,
        Map<String, RawJson> extra,
        String extraDialect) {

    /** A request whose extra fields, if any, are OpenAI's. */
    public CompletionRequest(String model, List<String> prompts, Sampling sampling, boolean stream,
            boolean includeUsage, @Nullable String user, Map<String, RawJson> extra) {
        this(model, prompts, sampling, stream, includeUsage, user, extra, ChatRequest.OPENAI_EXTRAS);
    }

    public CompletionRequest {
        Objects.requireNonNull(extraDialect, "extraDialect");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampling, "sampling");
        prompts = List.copyOf(prompts);
        extra = Map.copyOf(extra);
    }

    public CompletionRequest withModel(String upstreamModel) {
        return new CompletionRequest(upstreamModel, prompts, sampling, stream, includeUsage, user, extra,
                extraDialect);
    }
}

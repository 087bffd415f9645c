package dev.warden.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to embed one or more inputs.
 *
 * @param inputs the texts; OpenAI also accepts token arrays, which arrive as {@code extra}-free raw JSON in
 *               {@code tokenInputs} and are forwarded only to upstreams that accept them
 * @param encodingFormat "float" or "base64" as the client asked, null for the default (float)
 * @param extraDialect the client dialect {@code extra} belongs to, as in {@link ChatRequest}
 */
public record EmbeddingRequest(
        String model,
        List<String> inputs,
        @Nullable RawJson tokenInputs,
        @Nullable String encodingFormat,
        @Nullable Integer dimensions,
        @Nullable String user,
        Map<String, RawJson> extra,
        String extraDialect) {

    /** A request whose extra fields, if any, are OpenAI's. */
    public EmbeddingRequest(String model, List<String> inputs, @Nullable RawJson tokenInputs,
            @Nullable String encodingFormat, @Nullable Integer dimensions, @Nullable String user,
            Map<String, RawJson> extra) {
        this(model, inputs, tokenInputs, encodingFormat, dimensions, user, extra, ChatRequest.OPENAI_EXTRAS);
    }

    public EmbeddingRequest {
        Objects.requireNonNull(extraDialect, "extraDialect");
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        extra = Map.copyOf(extra);
    }

    public EmbeddingRequest withModel(String upstreamModel) {
        return new EmbeddingRequest(upstreamModel, inputs, tokenInputs, encodingFormat, dimensions, user, extra,
                extraDialect);
    }
}

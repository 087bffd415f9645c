package dev.warden.pipeline;

import dev.warden.llm.ApiError;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.StreamOutcome;
import java.util.List;

/** What the pipeline answers; the server renders it in the caller's dialect. */
public sealed interface Reply {

    record Chat(ChatResponse response) implements Reply {}

    record Completion(CompletionResponse response) implements Reply {}

    record Embeddings(EmbeddingResponse response) implements Reply {}

    record Models(List<ModelInfo> models) implements Reply {}

    record Model(ModelInfo model) implements Reply {}

    /** The operation needs no upstream: the dialect answers it from the request (count_tokens, model preload). */
    record Local(Operation operation) implements Reply {}

    /** A stream was (at least partly) delivered through the exchange's sink; this is how it ended. */
    record Streamed(StreamOutcome outcome) implements Reply {}

    record Failure(ApiError error) implements Reply {}
}

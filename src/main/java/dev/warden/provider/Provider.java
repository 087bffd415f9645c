package dev.warden.provider;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;

/**
 * One configured upstream deployment. The request's {@code model} is already the upstream's own model name (the
 * router rewrote the client's alias). Methods block; they run on the request's virtual thread.
 *
 * <p>Every method either returns or throws {@link ApiException} with a client-safe {@link ApiError}. A method for
 * an operation the upstream does not offer throws {@link ApiError.InvalidRequest}. Streaming methods deliver
 * events to the sink as they are decoded and return how the stream ended; when the sink throws
 * {@link dev.warden.llm.ClientGoneException} they cancel the upstream request and return
 * {@link StreamOutcome.ClientGone}.
 */
public interface Provider {

    /** The deployment name from the configuration. */
    String name();

    ChatResponse chat(ChatRequest request, CallNotes notes);

    StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes);

    EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes);

    CompletionResponse complete(CompletionRequest request, CallNotes notes);

    StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes);

    static ApiException unsupported(String deployment, String operation) {
        return new ApiException(ApiError.InvalidRequest.of(
                "The deployment '" + deployment + "' does not support " + operation + ".", "model"));
    }
}

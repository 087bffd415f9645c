package dev.warden.server;

import dev.warden.api.openai.OpenAiChatStream;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.api.openai.OpenAiCompletionStream;
import dev.warden.llm.ApiError;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.OutputStream;

/**
 * The OpenAI dialect's routes: {@code /v1/chat/completions}, {@code /v1/completions}, {@code /v1/embeddings},
 * {@code /v1/models} and {@code /v1/models/{id}}, each also without the {@code /v1} prefix, as OpenAI-compatible
 * servers commonly accept both.
 */
final class OpenAiEndpoints implements Surface {
    private final OpenAiCodec codec;
    private final CallRunner calls;
    private final JsonBodies bodies;

    OpenAiEndpoints(OpenAiCodec codec, CallRunner calls, JsonBodies bodies) {
        this.codec = codec;
        this.calls = calls;
        this.bodies = bodies;
    }

    void register(HttpRouting.Builder routing) {
        for (var prefix : new String[] {"/v1", ""}) {
            new Routes(routing, this, calls, bodies)
                    .post(prefix + "/chat/completions", body -> new Operation.Chat(codec.decodeChat(body)))
                    .post(prefix + "/completions", body -> new Operation.Completion(codec.decodeCompletion(body)))
                    .post(prefix + "/embeddings", body -> new Operation.Embeddings(codec.decodeEmbeddings(body)))
                    .get(prefix + "/models", req -> new Operation.ListModels())
                    .get(prefix + "/models/*", req -> new Operation.GetModel(
                            req.path().path().substring((prefix + "/models/").length())));
        }
    }

    /** Anything no route matched: an OpenAI-shaped 404, so SDKs show a readable message. */
    void unknownUrl(ServerRequest req, ServerResponse res) {
        res.header(Headers.REQUEST_ID, calls.newRequestId());
        CallRunner.renderError(res, this, Errors.notFound(req.prologue().method().text(), req.path().path()));
    }

    @Override
    public String dialect() {
        return "openai";
    }

    @Override
    public byte[] errorBody(ApiError error) {
        return codec.encodeError(error);
    }

    @Override
    public byte[] replyBody(Exchange exchange, Reply reply) {
        return switch (reply) {
            case Reply.Chat(var response) -> codec.encodeChat(response);
            case Reply.Completion(var response) -> codec.encodeCompletion(response);
            case Reply.Embeddings(var response) -> codec.encodeEmbeddings(response,
                    exchange.requireOperation() instanceof Operation.Embeddings(var request)
                            ? request.encodingFormat() : null);
            case Reply.Models(var models) -> codec.encodeModels(models);
            case Reply.Model(var model) -> codec.encodeModel(model);
            case Reply.Streamed s -> throw new IllegalArgumentException("streams are not bodies");
            case Reply.Local local -> throw new IllegalArgumentException("no local answers in this dialect");
            case Reply.Failure(var error) -> codec.encodeError(error);
        };
    }

    @Override
    public StreamWriter streamWriter(Exchange exchange, OutputStream out) {
        return switch (exchange.requireOperation()) {
            case Operation.Completion(var request) -> {
                var stream = OpenAiCompletionStream.create(codec, out, request.includeUsage());
                yield StreamWriters.of("text/event-stream", stream, stream::finish);
            }
            case Operation.Chat(var request) -> {
                var stream = OpenAiChatStream.create(codec, out, request.includeUsage());
                yield StreamWriters.of("text/event-stream", stream, stream::finish);
            }
            default -> throw new IllegalStateException("not a streaming operation: " + exchange.requireOperation());
        };
    }
}

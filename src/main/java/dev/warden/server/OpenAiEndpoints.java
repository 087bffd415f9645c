package dev.warden.server;

import dev.warden.api.openai.OpenAiChatStream;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.api.openai.OpenAiCompletionStream;
import dev.warden.llm.ApiError;
import dev.warden.llm.StreamOutcome;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.OutputStream;
import java.util.function.Function;

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
            post(routing, prefix + "/chat/completions", body -> new Operation.Chat(codec.decodeChat(body)));
            post(routing, prefix + "/completions", body -> new Operation.Completion(codec.decodeCompletion(body)));
            post(routing, prefix + "/embeddings", body -> new Operation.Embeddings(codec.decodeEmbeddings(body)));
            routing.route(Method.GET, prefix + "/models",
                    (req, res) -> calls.run(req, res, this, Operation.ListModels::new));
            routing.route(Method.GET, prefix + "/models/*", (req, res) -> {
                var id = req.path().path().substring((prefix + "/models/").length());
                calls.run(req, res, this, () -> new Operation.GetModel(id));
            });
            for (var path : new String[] {"/chat/completions", "/completions", "/embeddings"}) {
                routing.any(prefix + path, (req, res) -> methodNotAllowed(req, res, "POST"));
            }
            routing.any(prefix + "/models", (req, res) -> methodNotAllowed(req, res, "GET"));
            routing.any(prefix + "/models/*", (req, res) -> methodNotAllowed(req, res, "GET"));
        }
    }

    private void post(HttpRouting.Builder routing, String path, Function<byte[], Operation> decoder) {
        routing.route(Method.POST, path,
                (req, res) -> calls.run(req, res, this, () -> decoder.apply(bodies.read(req))));
    }

    private void methodNotAllowed(ServerRequest req, ServerResponse res, String allowed) {
        res.header("Allow", allowed);
        res.header(Headers.REQUEST_ID, calls.newRequestId());
        CallRunner.renderError(res, this, new ApiError.MethodNotAllowed("Method " + req.prologue().method().text()
                + " is not allowed on " + req.path().path() + ". Use " + allowed + "."));
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
            case Reply.Failure(var error) -> codec.encodeError(error);
        };
    }

    @Override
    public StreamWriter streamWriter(Operation operation, OutputStream out) {
        return switch (operation) {
            case Operation.Completion(var request) -> {
                var stream = OpenAiCompletionStream.create(codec, out, request.includeUsage());
                yield writer(stream::accept, stream::finish);
            }
            case Operation.Chat(var request) -> {
                var stream = OpenAiChatStream.create(codec, out, request.includeUsage());
                yield writer(stream::accept, stream::finish);
            }
            default -> throw new IllegalStateException("not a streaming operation: " + operation);
        };
    }

    private static StreamWriter writer(dev.warden.llm.StreamSink sink,
            java.util.function.Consumer<StreamOutcome> finisher) {
        return new StreamWriter() {
            @Override
            public String contentType() {
                return "text/event-stream";
            }

            @Override
            public void finish(StreamOutcome outcome) {
                finisher.accept(outcome);
            }

            @Override
            public void accept(dev.warden.llm.StreamEvent event) {
                sink.accept(event);
            }
        };
    }
}

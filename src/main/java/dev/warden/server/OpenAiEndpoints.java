package dev.warden.server;

import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.StreamOutcome;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Pipeline;
import dev.warden.pipeline.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.InstantSource;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The OpenAI dialect's routes: {@code /v1/chat/completions}, {@code /v1/completions}, {@code /v1/embeddings},
 * {@code /v1/models} and {@code /v1/models/{id}}, each also without the {@code /v1} prefix, as OpenAI-compatible
 * servers commonly accept both.
 */
final class OpenAiEndpoints {
    private final Pipeline pipeline;
    private final OpenAiCodec codec;
    private final BodyReader bodies;
    private final InFlight inFlight;
    private final InstantSource clock;
    private final Supplier<String> requestIds;

    OpenAiEndpoints(Pipeline pipeline, OpenAiCodec codec, BodyReader bodies, InFlight inFlight,
            InstantSource clock, Supplier<String> requestIds) {
        this.pipeline = pipeline;
        this.codec = codec;
        this.bodies = bodies;
        this.inFlight = inFlight;
        this.clock = clock;
        this.requestIds = requestIds;
    }

    void register(HttpRouting.Builder routing) {
        for (var prefix : new String[] {"/v1", ""}) {
            post(routing, prefix + "/chat/completions", req -> b -> new Operation.Chat(codec.decodeChat(b)));
            post(routing, prefix + "/completions", req -> b -> new Operation.Completion(codec.decodeCompletion(b)));
            post(routing, prefix + "/embeddings", req -> b -> new Operation.Embeddings(codec.decodeEmbeddings(b)));
            routing.route(Method.GET, prefix + "/models",
                    (req, res) -> run(req, res, () -> new Operation.ListModels()));
            routing.route(Method.GET, prefix + "/models/*", (req, res) -> {
                var id = req.path().path().substring((prefix + "/models/").length());
                run(req, res, () -> new Operation.GetModel(id));
            });
            for (var path : new String[] {"/chat/completions", "/completions", "/embeddings"}) {
                routing.any(prefix + path, (req, res) -> methodNotAllowed(req, res, "POST"));
            }
            routing.any(prefix + "/models", (req, res) -> methodNotAllowed(req, res, "GET"));
            routing.any(prefix + "/models/*", (req, res) -> methodNotAllowed(req, res, "GET"));
        }
    }

    private void post(HttpRouting.Builder routing, String path,
            Function<ServerRequest, Function<byte[], Operation>> decoder) {
        routing.route(Method.POST, path, (req, res) -> {
            var decode = decoder.apply(req);
            run(req, res, () -> decode.apply(readJson(req)));
        });
    }

    private byte[] readJson(ServerRequest req) {
        var type = req.headers().contentType();
        if (type.isPresent()) {
            var media = type.get().mediaType();
            var text = (media.type() + "/" + media.subtype()).toLowerCase(Locale.ROOT);
            if (!text.equals("application/json") && !text.endsWith("+json")) {
                throw new ApiException(new ApiError.UnsupportedMediaType(
                        "Unsupported Content-Type '" + text + "'. Send the request body as application/json."));
            }
        }
        return bodies.read(req);
    }

    private void run(ServerRequest req, ServerResponse res, Supplier<Operation> decoder) {
        var requestId = requestIds.get();
        res.header(Headers.REQUEST_ID, requestId);
        if (!inFlight.enter()) {
            res.header("Connection", "close");
            renderError(res, new ApiError.Unavailable("The gateway is shutting down; retry on another instance."));
            return;
        }
        try {
            var sse = new SseResponse(res, codec);
            var exchange = new Exchange(requestId, "openai", req.path().path(), clock.instant(), System.nanoTime(),
                    Credentials.presented(req), decoder, sse);
            sse.bind(exchange);
            render(res, exchange, sse, pipeline.handle(exchange));
        } finally {
            inFlight.exit();
        }
    }

    private void render(ServerResponse res, Exchange exchange, SseResponse sse, Reply reply) {
        if (!(reply instanceof Reply.Streamed) && !(reply instanceof Reply.Failure)) {
            Headers.dropped(res, exchange.notes().droppedParams());
        }
        switch (reply) {
            case Reply.Chat(var response) -> json(res, 200, codec.encodeChat(response));
            case Reply.Completion(var response) -> json(res, 200, codec.encodeCompletion(response));
            case Reply.Embeddings(var response) -> {
                var format = exchange.requireOperation() instanceof Operation.Embeddings(var request)
                        ? request.encodingFormat() : null;
                json(res, 200, codec.encodeEmbeddings(response, format));
            }
            case Reply.Models(var models) -> json(res, 200, codec.encodeModels(models));
            case Reply.Model(var model) -> json(res, 200, codec.encodeModel(model));
            case Reply.Streamed(var outcome) -> finishStream(res, sse, outcome);
            case Reply.Failure(var error) -> {
                if (sse.opened()) {
                    sse.finish(new StreamOutcome.Failed(null, error));
                } else {
                    renderError(res, error);
                }
            }
        }
    }

    private void finishStream(ServerResponse res, SseResponse sse, StreamOutcome outcome) {
        if (sse.opened()) {
            sse.finish(outcome);
            return;
        }
        // Nothing was sent yet: a failure can still be answered with its real status.
        switch (outcome) {
            case StreamOutcome.Truncated t -> renderError(res, Errors.truncated());
            case StreamOutcome.Failed(var usage, var error) -> renderError(res, error);
            case StreamOutcome.ClientGone g -> { }
            case StreamOutcome.Complete c -> sse.finish(outcome);
        }
    }

    private void methodNotAllowed(ServerRequest req, ServerResponse res, String allowed) {
        res.header("Allow", allowed);
        res.header(Headers.REQUEST_ID, requestIds.get());
        renderError(res, new ApiError.MethodNotAllowed("Method " + req.prologue().method().text()
                + " is not allowed on " + req.path().path() + ". Use " + allowed + "."));
    }

    /** Anything no route matched: an OpenAI-shaped 404, so SDKs show a readable message. */
    void unknownUrl(ServerRequest req, ServerResponse res) {
        res.header(Headers.REQUEST_ID, requestIds.get());
        renderError(res, Errors.notFound(req.prologue().method().text(), req.path().path()));
    }

    void renderError(ServerResponse res, ApiError error) {
        if (error instanceof ApiError.RateLimited(var message, var retryAfter) && retryAfter != null) {
            res.header("Retry-After", Long.toString(retryAfter));
        }
        if (error instanceof ApiError.Upstream upstream && upstream.retryAfterSeconds() != null) {
            res.header("Retry-After", Long.toString(upstream.retryAfterSeconds()));
        }
        json(res, error.status(), codec.encodeError(error));
    }

    private static void json(ServerResponse res, int status, byte[] body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.send(body);
    }
}

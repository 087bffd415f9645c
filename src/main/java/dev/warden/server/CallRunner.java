package dev.warden.server;

import dev.warden.llm.ApiError;
import dev.warden.llm.StreamOutcome;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Pipeline;
import dev.warden.pipeline.Reply;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * Runs one API call for any dialect: request id, drain check, the pipeline, and rendering of the reply through the
 * dialect's {@link Surface}. The one place where an HTTP request becomes an {@link Exchange}.
 */
final class CallRunner {
    private final Pipeline pipeline;
    private final InFlight inFlight;
    private final InstantSource clock;
    private final Supplier<String> requestIds;

    CallRunner(Pipeline pipeline, InFlight inFlight, InstantSource clock, Supplier<String> requestIds) {
        this.pipeline = pipeline;
        this.inFlight = inFlight;
        this.clock = clock;
        this.requestIds = requestIds;
    }

    String newRequestId() {
        return requestIds.get();
    }

    void run(ServerRequest req, ServerResponse res, Surface surface, Supplier<Operation> decoder) {
        var requestId = requestIds.get();
        res.header(Headers.REQUEST_ID, requestId);
        if (!inFlight.enter()) {
            res.header("Connection", "close");
            renderError(res, surface, new ApiError.Unavailable(
                    "The gateway is shutting down; retry on another instance."));
            return;
        }
        try {
            var stream = new LazyStream(res, surface);
            var exchange = new Exchange(requestId, surface.dialect(), req.path().path(), clock.instant(),
                    System.nanoTime(), Credentials.presented(req), decoder, stream);
            stream.bind(exchange);
            var reply = pipeline.handle(exchange);
            if (!stream.opened()) {
                Headers.added(res, exchange.responseHeaders());
            }
            render(res, surface, exchange, stream, reply);
        } finally {
            inFlight.exit();
        }
        if (inFlight.count() > 0) {
            // The server reads the connection's next request next, which a busy client has rarely sent yet: the
            // read would park (an epoll registration, then two thread wake-ups). Letting the other calls run first
            // often finds it there. Alone, nothing yields. A/B at 32 connections: +8.6 % RPS, 69.5 vs 75 µs CPU
            // per request (docs/benchmarks.md).
            Thread.yield();
        }
    }

    private static void render(ServerResponse res, Surface surface, Exchange exchange, LazyStream stream,
            Reply reply) {
        switch (reply) {
            case Reply.Streamed(var outcome) -> finishStream(res, surface, stream, outcome);
            case Reply.Failure(var error) -> {
                if (stream.opened()) {
                    stream.finish(new StreamOutcome.Failed(null, error));
                } else {
                    renderError(res, surface, error);
                }
            }
            default -> {
                Headers.dropped(res, exchange.notes().droppedParams());
                send(res, 200, surface.replyBody(exchange, reply));
            }
        }
    }

    private static void finishStream(ServerResponse res, Surface surface, LazyStream stream, StreamOutcome outcome) {
        if (stream.opened()) {
            stream.finish(outcome);
            return;
        }
        // Nothing was sent yet: a failure can still be answered with its real status.
        switch (outcome) {
            case StreamOutcome.Truncated t -> renderError(res, surface, Errors.truncated());
            case StreamOutcome.Failed(var usage, var error) -> renderError(res, surface, error);
            case StreamOutcome.ClientGone g -> { }
            case StreamOutcome.Complete c -> stream.finish(outcome);
        }
    }

    static void renderError(ServerResponse res, Surface surface, ApiError error) {
        if (error instanceof ApiError.RateLimited(var message, var retryAfter) && retryAfter != null) {
            res.header("Retry-After", Long.toString(retryAfter));
        }
        if (error instanceof ApiError.Upstream upstream && upstream.retryAfterSeconds() != null) {
            res.header("Retry-After", Long.toString(upstream.retryAfterSeconds()));
        }
        send(res, error.status(), surface.errorBody(error));
    }

    private static void send(ServerResponse res, int status, byte[] body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.send(body);
    }
}

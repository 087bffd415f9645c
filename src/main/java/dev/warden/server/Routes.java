package dev.warden.server;

import dev.warden.llm.ApiError;
import dev.warden.pipeline.Operation;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Function;

/** Route registration shared by the dialects: JSON POST calls, GET calls, and 405s with Allow in the dialect. */
final class Routes {
    private final HttpRouting.Builder routing;
    private final Surface surface;
    private final CallRunner calls;
    private final JsonBodies bodies;

    Routes(HttpRouting.Builder routing, Surface surface, CallRunner calls, JsonBodies bodies) {
        this.routing = routing;
        this.surface = surface;
        this.calls = calls;
        this.bodies = bodies;
    }

    /** A POST route whose JSON body decodes to the operation; other methods get 405. */
    Routes post(String path, Function<byte[], Operation> decoder) {
        routing.route(Method.POST, path,
                (req, res) -> calls.run(req, res, surface, () -> decoder.apply(bodies.read(req))));
        routing.any(path, (req, res) -> methodNotAllowed(req, res, "POST"));
        return this;
    }

    /** A GET route whose operation comes from the request alone; other methods get 405. */
    Routes get(String path, Function<ServerRequest, Operation> operation) {
        routing.route(Method.GET, path, (req, res) -> calls.run(req, res, surface, () -> operation.apply(req)));
        routing.any(path, (req, res) -> methodNotAllowed(req, res, "GET"));
        return this;
    }

    private void methodNotAllowed(ServerRequest req, ServerResponse res, String allowed) {
        res.header("Allow", allowed);
        res.header(Headers.REQUEST_ID, calls.newRequestId());
        CallRunner.renderError(res, surface, new ApiError.MethodNotAllowed("Method "
                + req.prologue().method().text() + " is not allowed on " + req.path().path() + ". Use " + allowed
                + "."));
    }
}

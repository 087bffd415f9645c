package dev.warden.server;

import dev.warden.admin.AdminApi;
import dev.warden.admin.AdminRequest;
import dev.warden.admin.AdminResponse;
import dev.warden.auth.Authenticator;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /admin}: the admin API and its page. Not the LLM pipeline: the caller is authenticated with the same
 * {@link Authenticator} (a 401 in the OpenAI error shape when the credential is missing or invalid), the body read
 * within the size limit, and the call handed to {@link AdminApi}. The OpenAPI document and the page need no
 * credential.
 */
final class AdminEndpoints {
    private final AdminApi admin;
    private final Authenticator authenticator;
    private final BodyReader bodies;
    private final InFlight inFlight;
    private final Supplier<String> requestIds;

    AdminEndpoints(AdminApi admin, Authenticator authenticator, BodyReader bodies, InFlight inFlight,
            Supplier<String> requestIds) {
        this.admin = admin;
        this.authenticator = authenticator;
        this.bodies = bodies;
        this.inFlight = inFlight;
        this.requestIds = requestIds;
    }

    void register(HttpRouting.Builder routing) {
        routing.any("/admin", this::handle);
        routing.any("/admin/*", this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        res.header(Headers.REQUEST_ID, requestIds.get());
        var query = new HashMap<String, String>();
        for (var name : req.query().names()) {
            query.put(name, req.query().get(name));
        }
        var contentType = req.headers().contentType()
                .map(type -> type.mediaType().type() + "/" + type.mediaType().subtype()).orElse(null);
        var request = new AdminRequest(req.prologue().method().text(), req.path().path(), query, new byte[0],
                contentType);
        var open = admin.open(request);
        if (open.isPresent()) {
            send(res, open.get());
            return;
        }
        if (!inFlight.enter()) {
            res.header("Connection", "close");
            send(res, admin.reject(new ApiError.Unavailable("The gateway is shutting down; retry on another instance.")));
            return;
        }
        try {
            var principal = authenticator.authenticate(Optional.ofNullable(Credentials.presented(req)));
            var body = bodies.read(req);
            send(res, admin.handle(principal, new AdminRequest(request.method(), request.path(), query, body,
                    contentType, req.headers().first(HeaderNames.ACCEPT).orElse(null))));
        } catch (ApiException rejected) {
            send(res, admin.reject(rejected.error()));
        } finally {
            inFlight.exit();
        }
    }

    private static void send(ServerResponse res, AdminResponse response) {
        res.status(response.status());
        res.header("Content-Type", response.contentType());
        response.headers().forEach(res::header);
        res.send(response.body());
    }
}

package dev.warden.server;

import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** Response headers Warden adds. */
final class Headers {
    static final String REQUEST_ID = "x-request-id";
    static final String DROPPED_PARAMS = "x-warden-dropped-params";

    private Headers() {}

    /** Reports parameters a dialect policy dropped, so dropping is never silent. */
    static void dropped(ServerResponse response, List<String> params) {
        if (!params.isEmpty()) {
            response.header(DROPPED_PARAMS, String.join(",", params));
        }
    }
}

package dev.warden.server;

import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/** Response headers Warden adds. */
final class Headers {
    static final String REQUEST_ID = "x-request-id";
    static final String DROPPED_PARAMS = "x-warden-dropped-params";

    private Headers() {}

    /** The headers the stages added (rate limits, cost). */
    static void added(ServerResponse response, Map<String, String> headers) {
        headers.forEach(response::header);
    }

    /** Reports parameters a dialect policy dropped, so dropping is never silent. */
    static void dropped(ServerResponse response, List<String> params) {
        if (!params.isEmpty()) {
            response.header(DROPPED_PARAMS, String.join(",", params));
        }
    }
}

package dev.warden.server;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;

/**
 * Reads a JSON request body: the content type must be JSON (or absent, which clients that send JSON without saying
 * so rely on), and the size within the limit.
 */
final class JsonBodies {
    private final BodyReader reader;

    JsonBodies(BodyReader reader) {
        this.reader = reader;
    }

    byte[] read(ServerRequest req) {
        var type = req.headers().contentType();
        if (type.isPresent()) {
            var media = type.get().mediaType();
            var text = (media.type() + "/" + media.subtype()).toLowerCase(Locale.ROOT);
            if (!text.equals("application/json") && !text.endsWith("+json")) {
                throw new ApiException(new ApiError.UnsupportedMediaType(
                        "Unsupported Content-Type '" + text + "'. Send the request body as application/json."));
            }
        }
        return reader.read(req);
    }
}

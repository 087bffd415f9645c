package dev.warden.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Finds the API key a client presented: {@code Authorization: Bearer <key>} first, then {@code x-api-key}. */
final class Credentials {
    private static final HeaderName X_API_KEY = HeaderNames.create("x-api-key");

    private Credentials() {}

    static @Nullable String presented(ServerRequest request) {
        var authorization = request.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            var value = authorization.get().trim();
            if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                return value.substring(7).trim();
            }
        }
        return request.headers().first(X_API_KEY).map(String::trim).orElse(null);
    }
}

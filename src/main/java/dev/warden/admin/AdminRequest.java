package dev.warden.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One admin call as the server binding read it.
 *
 * @param method the HTTP method, upper case
 * @param path the full path, starting with {@code /admin}
 * @param query the query parameters (the first value of each)
 * @param body the request body, possibly empty
 * @param contentType the media type without parameters, lower case, when the client sent one
 * @param accept the {@code Accept} header as sent, when there was one (a spend report may answer in CSV)
 */
public record AdminRequest(String method, String path, Map<String, String> query, byte[] body,
        @Nullable String contentType, @Nullable String accept) {
    public AdminRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        Objects.requireNonNull(body, "body");
        contentType = contentType == null ? null : contentType.toLowerCase(Locale.ROOT).strip();
    }

    /** A request without an {@code Accept} header. */
    public AdminRequest(String method, String path, Map<String, String> query, byte[] body,
            @Nullable String contentType) {
        this(method, path, query, body, contentType, null);
    }

    public static AdminRequest of(String method, String path) {
        return new AdminRequest(method, path, Map.of(), new byte[0], null);
    }
}

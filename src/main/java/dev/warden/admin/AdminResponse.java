package dev.warden.admin;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the server binding writes back.
 *
 * @param headers extra response headers ({@code Allow}, {@code Cache-Control}, ...)
 */
public record AdminResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";

    public AdminResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static AdminResponse json(int status, byte[] body) {
        // Responses can carry a key's secret once: no cache may keep them.
        return new AdminResponse(status, JSON, body, Map.of("Cache-Control", "no-store"));
    }

    AdminResponse withHeader(String name, String value) {
        var all = new HashMap<>(headers);
        all.put(name, value);
        return new AdminResponse(status, contentType, body, all);
    }

    /** The body as text, for logs and tests. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

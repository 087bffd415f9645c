package dev.warden.provider;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One outbound HTTP call, fully built by a provider's translator. {@code headers} must carry everything the
 * upstream needs (credential in its own scheme, content type, accept); the client adds nothing.
 */
public record UpstreamRequest(String method, URI uri, Map<String, String> headers, byte[] body,
        Timeouts timeouts) {
    public UpstreamRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeouts, "timeouts");
        headers = Map.copyOf(headers);
    }

    public static UpstreamRequest postJson(URI uri, Map<String, String> headers, byte[] body, Timeouts timeouts) {
        return new UpstreamRequest("POST", uri, headers, body, timeouts);
    }

    public static UpstreamRequest get(URI uri, Map<String, String> headers, Timeouts timeouts) {
        return new UpstreamRequest("GET", uri, headers, new byte[0], timeouts);
    }
}

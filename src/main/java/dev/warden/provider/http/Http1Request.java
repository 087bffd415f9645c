package dev.warden.provider.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One request as it goes on the wire: {@code uri}'s raw (still percent-encoded) path and query are the request
 * target, {@code headers} are sent as given, the client adds {@code Host} (unless given), {@code Content-Length} and
 * a {@code User-Agent} (unless given).
 *
 * @param connectTimeout TCP connect and TLS handshake together
 * @param firstByteTimeout the longest silence while waiting for the response head
 * @param bodyReadTimeout the longest silence while reading the body (a backstop: callers watch bodies themselves)
 */
public record Http1Request(String method, URI uri, Map<String, String> headers, byte[] body,
        Duration connectTimeout, Duration firstByteTimeout, Duration bodyReadTimeout) {
    public Http1Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
    }

    boolean head() {
        return method.equals("HEAD");
    }

    /** True when the caller asked for the connection to end with this exchange. */
    boolean closeRequested() {
        for (var header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Connection") && Headers.hasToken(header.getValue(), "close")) {
                return true;
            }
        }
        return false;
    }
}

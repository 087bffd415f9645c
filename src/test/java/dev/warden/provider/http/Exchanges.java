package dev.warden.provider.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Requests and body reading shared by the client's tests. */
final class Exchanges {
    static final Duration CONNECT = Duration.ofSeconds(2);
    static final Duration FIRST_BYTE = Duration.ofSeconds(2);
    static final Duration BODY = Duration.ofSeconds(5);

    private Exchanges() {}

    static Http1Request get(URI uri) {
        return new Http1Request("GET", uri, Map.of(), new byte[0], CONNECT, FIRST_BYTE, BODY);
    }

    static Http1Request request(String method, URI uri, Map<String, String> headers, String body) {
        return new Http1Request(method, uri, headers, body.getBytes(StandardCharsets.UTF_8), CONNECT, FIRST_BYTE,
                BODY);
    }

    /** Reads the whole body and closes the response. */
    static String body(Http1Response response) throws IOException {
        try (response) {
            return new String(response.body().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends and reads the whole body. */
    static String fetch(Http1Client client, Http1Request request) throws IOException {
        return body(client.send(request));
    }

    /** How sending the request fails; an exchange that succeeds fails the test. */
    static HttpFailure.Kind failure(Http1Client client, Http1Request request) {
        try {
            client.send(request).close();
        } catch (HttpFailure e) {
            return e.kind();
        }
        throw new AssertionError("the exchange succeeded");
    }

    /** The request path of a recorded request head. */
    static String path(String request) {
        return request.substring(request.indexOf(' ') + 1, request.indexOf(' ', request.indexOf(' ') + 1));
    }
}

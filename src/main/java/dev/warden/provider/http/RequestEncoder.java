package dev.warden.provider.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Lays out a request (line, headers, body) in one exactly sized array, for one socket write. The request target
 * is the URI's raw path and query: SigV4 signs the percent-encoded path, so it must reach the upstream unchanged.
 */
final class RequestEncoder {
    private static final String USER_AGENT = "Warden";

    private final byte[] out;
    private int position;

    private RequestEncoder(int size) {
        this.out = new byte[size];
    }

    static byte[] encode(Http1Request request) throws HttpFailure {
        String target = target(request.uri());
        byte[] body = request.body();
        int size = request.method().length() + 1 + target.length() + " HTTP/1.1\r\n".length() + 2 + body.length;
        boolean hostGiven = false;
        boolean userAgentGiven = false;
        for (var header : request.headers().entrySet()) {
            String name = header.getKey();
            hostGiven |= name.equalsIgnoreCase("Host");
            userAgentGiven |= name.equalsIgnoreCase("User-Agent");
            if (!name.equalsIgnoreCase("Content-Length")) {
                size += field(name, header.getValue());
            }
        }
        @Nullable String host = hostGiven ? null : hostHeader(request.uri());
        @Nullable String userAgent = userAgentGiven ? null : USER_AGENT;
        // RFC 9110: a request without content need not say so, except for methods that normally carry some.
        @Nullable String length = body.length == 0 && (request.method().equals("GET") || request.head())
                ? null : Integer.toString(body.length);
        if (host != null) {
            size += field("Host", host);
        }
        if (userAgent != null) {
            size += field("User-Agent", userAgent);
        }
        if (length != null) {
            size += field("Content-Length", length);
        }
        var encoder = new RequestEncoder(size);
        encoder.token(request.method(), "method");
        encoder.ascii(" ").ascii(target).ascii(" HTTP/1.1\r\n");
        if (host != null) {
            encoder.header("Host", host);
        }
        if (userAgent != null) {
            encoder.header("User-Agent", userAgent);
        }
        for (var header : request.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                encoder.header(header.getKey(), header.getValue());
            }
        }
        if (length != null) {
            encoder.header("Content-Length", length);
        }
        encoder.ascii("\r\n");
        System.arraycopy(body, 0, encoder.out, encoder.position, body.length);
        return encoder.out;
    }

    /** The {@code Host} value SigV4 signs (as the JDK client sends it): the port only when not the default. */
    static String hostHeader(URI uri) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        return uri.getPort() < 0 || uri.getPort() == Origin.defaultPort(tls)
                ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The raw path and query; characters a URI may hold but a request line may not are percent-encoded as UTF-8. */
    static String target(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        String target = (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return percentEncodeOthers(target);
            }
        }
        return target;
    }

    private static String percentEncodeOthers(String target) {
        var encoded = new StringBuilder(target.length() * 2);
        for (int i = 0; i < target.length(); ) {
            int codePoint = target.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (codePoint > ' ' && codePoint < 0x7f) {
                encoded.append((char) codePoint);
            } else {
                for (byte b : target.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            i += width;
        }
        return encoded.toString();
    }

    private static int field(String name, String value) {
        return name.length() + 2 + value.length() + 2;
    }

    private void header(String name, String value) throws HttpFailure {
        token(name, "header name");
        ascii(": ");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // CR or LF would end the field early and let a value forge headers; beyond Latin-1 is not one byte.
            if (c == '\r' || c == '\n' || c == 0 || c > 0xff) {
                throw new HttpFailure(HttpFailure.Kind.BROKEN, "the value of request header " + name
                        + " holds a character HTTP/1.1 cannot carry");
            }
            out[position++] = (byte) c;
        }
        ascii("\r\n");
    }

    private void token(String token, String what) throws HttpFailure {
        if (token.isEmpty()) {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "empty request " + what);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new HttpFailure(HttpFailure.Kind.BROKEN, "the request " + what + " \"" + token
                        + "\" is not an HTTP token");
            }
            out[position++] = (byte) c;
        }
    }

    private RequestEncoder ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            out[position++] = (byte) text.charAt(i);
        }
        return this;
    }
}

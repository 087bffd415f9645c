package dev.warden.provider.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A status line and its header fields, parsed in place from the connection's buffer.
 *
 * @param http11 false for an HTTP/1.0 answer (whose connection is kept only when it says keep-alive)
 * @param size the bytes the head took on the wire, counted against the head limit
 */
record ResponseHead(int status, boolean http11, Headers headers, int size) {
    /** Reads one head; fails past {@code maxSize} bytes, on obsolete line folding and on a malformed line. */
    static ResponseHead read(SocketInput in, int maxSize) throws IOException {
        int lf = in.lineEnd(maxSize);
        var buffer = in.buffer();
        int from = in.position();
        int end = lineContentEnd(buffer, from, lf);
        boolean http11 = startsWith(buffer, from, end, "HTTP/1.1 ");
        int status = http11 || startsWith(buffer, from, end, "HTTP/1.0 ") ? statusCode(buffer, from + 9, end) : -1;
        if (status < 0) {
            throw malformed("status line", buffer, from, end);
        }
        int consumed = lf + 1 - from;
        in.skipTo(lf + 1);
        var headers = new Headers();
        while (true) {
            lf = in.lineEnd(maxSize - consumed);
            buffer = in.buffer();
            from = in.position();
            end = lineContentEnd(buffer, from, lf);
            consumed += lf + 1 - from;
            if (consumed > maxSize) {
                throw new HttpFailure(HttpFailure.Kind.BROKEN,
                        "the upstream's response head is larger than " + maxSize + " bytes");
            }
            in.skipTo(lf + 1);
            if (end == from) {
                return new ResponseHead(status, http11, headers, consumed);
            }
            addField(headers, buffer, from, end);
        }
    }

    private static void addField(Headers headers, byte[] buffer, int from, int end) throws HttpFailure {
        if (buffer[from] == ' ' || buffer[from] == '\t') {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "the upstream folded a header line (obs-fold)");
        }
        int colon = from;
        while (colon < end && buffer[colon] != ':') {
            byte b = buffer[colon];
            if (b == ' ' || b == '\t' || b < 0x20 || b == 0x7f) {
                throw malformed("header name", buffer, from, end);
            }
            colon++;
        }
        if (colon == end || colon == from) {
            throw malformed("header line", buffer, from, end);
        }
        int valueFrom = colon + 1;
        while (valueFrom < end && (buffer[valueFrom] == ' ' || buffer[valueFrom] == '\t')) {
            valueFrom++;
        }
        int valueEnd = end;
        while (valueEnd > valueFrom && (buffer[valueEnd - 1] == ' ' || buffer[valueEnd - 1] == '\t')) {
            valueEnd--;
        }
        headers.add(new String(buffer, from, colon - from, StandardCharsets.ISO_8859_1),
                new String(buffer, valueFrom, valueEnd - valueFrom, StandardCharsets.ISO_8859_1));
    }

    /** The end of a line without its CR (a bare LF is accepted, as RFC 9112 allows a recipient to). */
    private static int lineContentEnd(byte[] buffer, int from, int lf) {
        return lf > from && buffer[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** Three digits followed by the end or a space; -1 otherwise. */
    private static int statusCode(byte[] buffer, int from, int end) {
        if (end - from < 3 || end - from > 3 && buffer[from + 3] != ' ') {
            return -1;
        }
        int code = 0;
        for (int i = from; i < from + 3; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            code = code * 10 + digit;
        }
        return code >= 100 ? code : -1;
    }

    private static boolean startsWith(byte[] buffer, int from, int end, String prefix) {
        if (end - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static HttpFailure malformed(String what, byte[] buffer, int from, int end) {
        int shown = Math.min(end - from, 120);
        return new HttpFailure(HttpFailure.Kind.BROKEN, "malformed " + what + " from the upstream: \""
                + new String(buffer, from, shown, StandardCharsets.ISO_8859_1) + "\"");
    }
}

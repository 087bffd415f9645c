package dev.warden.provider.http;

import java.io.InputStream;
import java.util.Optional;

/**
 * An answer whose head has arrived. Its body must be read to the end or closed: the end returns the connection to
 * the pool, an early close closes the connection (which is how the caller cancels).
 */
public final class Http1Response implements AutoCloseable {
    private final int status;
    private final Headers headers;
    private final Body body;
    private final long contentLength;

    Http1Response(int status, Headers headers, Body body, long contentLength) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.contentLength = contentLength;
    }

    public int status() {
        return status;
    }

    /** The first value of a header field, by name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.first(name));
    }

    /** The body's length when its framing declares one (0 for answers without a body), else -1. */
    public long contentLength() {
        return contentLength;
    }

    public InputStream body() {
        return body;
    }

    /** Body bytes already received and not yet read; an estimate that never waits, as a body's available() is. */
    public int available() {
        return body.available();
    }

    @Override
    public void close() {
        body.close();
    }
}

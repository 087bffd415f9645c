package dev.warden.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * An upstream's answer: status and headers, and a body stream that is watched for idleness. Closing it before the
 * body is fully read cancels the upstream request (the connection is closed, so the upstream stops generating).
 */
public final class UpstreamResponse implements AutoCloseable {
    private final int status;
    /** Header name (any case) to its first value; a function so the client's header type stays in the client. */
    private final Function<String, Optional<String>> headers;
    private final WatchedStream body;

    UpstreamResponse(int status, Function<String, Optional<String>> headers, WatchedStream body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    public InputStream body() {
        return body;
    }

    /** Reads the whole body; for error bodies and non-streamed answers. */
    public byte[] readAll() {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the watchdog closed the body because the upstream went silent for longer than allowed. */
    public boolean idleTimedOut() {
        return body.idleTimedOut();
    }

    @Override
    public void close() {
        body.close();
    }
}

package dev.warden.provider;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * An upstream's answer: status and headers, and a body stream that is watched for idleness. Closing it before the
 * body is fully read cancels the upstream request (the connection is closed, so the upstream stops generating).
 */
public final class UpstreamResponse implements AutoCloseable {
    /**
     * The first read of a body of unknown length (chunked). Small, because the HTTP client allocates a buffer as
     * large as each read asks for: reads of 1 KB, 1 KB, 2 KB, 4 KB... waste at most about the body's size.
     */
    private static final int FIRST_READ = 1024;
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_BODY = Integer.MAX_VALUE - 8;

    private final int status;
    /** Header name (any case) to its first value; a function so the client's header type stays in the client. */
    private final Function<String, Optional<String>> headers;
    private final WatchedStream body;
    /** The declared Content-Length, or -1 when the body is chunked or runs to the connection's end. */
    private final long contentLength;

    UpstreamResponse(int status, Function<String, Optional<String>> headers, WatchedStream body, long contentLength) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.contentLength = contentLength;
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
            return readBody();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the whole body into one array. With a declared Content-Length (the usual case) the array has exactly
     * that size: {@link InputStream#readAllBytes} reads in 16 KB chunks, and the HTTP client allocates a buffer as
     * large as each read asks for, so an 800-byte answer cost ~50 KB of garbage (docs/benchmarks.md).
     *
     * @throws IOException when the body cannot be read or ends before its declared length
     */
    public byte[] readBody() throws IOException {
        if (contentLength >= 0 && contentLength <= MAX_BODY) {
            var bytes = body.readNBytes((int) contentLength);
            if (bytes.length < contentLength) {
                throw new EOFException("the upstream body ended after " + bytes.length + " of " + contentLength
                        + " declared bytes");
            }
            // Reading the end of the entity is what hands a keep-alive connection back to the pool.
            if (body.read() != -1) {
                throw new IOException("the upstream body is longer than its declared " + contentLength + " bytes");
            }
            return bytes;
        }
        var bytes = new byte[FIRST_READ];
        int length = 0;
        int n;
        while ((n = body.read(bytes, length, bytes.length - length)) >= 0) {
            length += n;
            if (length == bytes.length) {
                if (length >= MAX_BODY) {
                    throw new IOException("the upstream body is larger than " + MAX_BODY + " bytes");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BODY, 2L * length));
            }
        }
        return Arrays.copyOf(bytes, length);
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

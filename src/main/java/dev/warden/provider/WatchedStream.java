package dev.warden.provider;

import dev.warden.provider.http.Watchdog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * The body of an upstream response, with the time of its last read recorded for the {@link Watchdog}. Only
 * the request's own thread reads; the watchdog only reads {@code lastActivity} and may close.
 *
 * <p>Closing goes to the {@link Closer}, which ends the exchange without reading: a close that read to the end of
 * the body would block the watchdog on a silent upstream.
 */
final class WatchedStream extends InputStream implements Watchdog.Watched {
    /** Ends the exchange; told whether the body was read to its end (then the connection may be reused). */
    interface Closer {
        void close(boolean atEof);
    }

    private final InputStream delegate;
    /** Bytes the HTTP client has received for this response and not yet handed out. */
    private final IntSupplier received;
    private final Closer closer;
    private final Watchdog watchdog;
    private final long idleLimitNanos;
    private volatile long lastActivity;
    private volatile boolean idleTimedOut;
    private volatile boolean atEof;
    private volatile boolean closed;

    WatchedStream(InputStream delegate, IntSupplier received, Closer closer, Watchdog watchdog,
            long idleLimitNanos, long now) {
        this.delegate = delegate;
        this.received = received;
        this.closer = closer;
        this.watchdog = watchdog;
        this.idleLimitNanos = idleLimitNanos;
        this.lastActivity = now;
        watchdog.watch(this);
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = delegate.read();
        } catch (RuntimeException e) {
            throw asIoException(e);
        }
        touch(b < 0);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = delegate.read(buffer, offset, length);
        } catch (RuntimeException e) {
            throw asIoException(e);
        }
        touch(n < 0);
        return n;
    }

    /**
     * What the client has already received from the socket and not handed out yet. The count includes transfer
     * framing (chunk sizes), so it is an estimate, as {@link InputStream#available} allows; its use is telling
     * "the next bytes are already here" from "the next read waits for the upstream".
     */
    @Override
    public int available() {
        if (closed || atEof) {
            return 0; // at the end the client may already have pooled the connection for another call
        }
        try {
            return Math.max(0, received.getAsInt());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * An HTTP client's entity stream may fail with unchecked exceptions (Helidon's did); the providers read an
     * {@link InputStream}, whose failures are {@link IOException}s.
     */
    private static IOException asIoException(RuntimeException e) {
        return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : new IOException(e);
    }

    private void touch(boolean eof) {
        lastActivity = System.nanoTime();
        if (eof) {
            atEof = true;
            watchdog.forget(this);
        }
    }

    /** Called by the watchdog: closes the stream once it has been silent past its limit. */
    @Override
    public void check(long now) {
        if (!closed && now - lastActivity > idleLimitNanos) {
            idleTimedOut = true;
            close();
        }
    }

    boolean idleTimedOut() {
        return idleTimedOut;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.forget(this);
        try {
            closer.close(atEof);
        } catch (RuntimeException ignored) {
            // Closing is how we cancel; a failure to close a dying connection changes nothing for the caller.
        }
    }
}

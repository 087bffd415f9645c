package dev.warden.provider;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of an upstream response, with the time of its last read recorded for the {@link IdleWatchdog}. Only
 * the request's own thread reads; the watchdog only reads {@code lastActivity} and may close.
 */
final class WatchedStream extends InputStream {
    private final InputStream delegate;
    private final IdleWatchdog watchdog;
    private final long idleLimitNanos;
    private volatile long lastActivity;
    private volatile boolean idleTimedOut;
    private volatile boolean closed;

    WatchedStream(InputStream delegate, IdleWatchdog watchdog, long idleLimitNanos, long now) {
        this.delegate = delegate;
        this.watchdog = watchdog;
        this.idleLimitNanos = idleLimitNanos;
        this.lastActivity = now;
        watchdog.watch(this);
    }

    @Override
    public int read() throws IOException {
        int b = delegate.read();
        touch(b < 0);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = delegate.read(buffer, offset, length);
        touch(n < 0);
        return n;
    }

    private void touch(boolean eof) {
        lastActivity = System.nanoTime();
        if (eof) {
            watchdog.forget(this);
        }
    }

    /** Called by the watchdog; true if it closed this stream. */
    boolean closeIfIdle(long now) {
        if (!closed && now - lastActivity > idleLimitNanos) {
            idleTimedOut = true;
            close();
            return true;
        }
        return false;
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
            delegate.close();
        } catch (IOException ignored) {
            // Closing is how we cancel; a failure to close a dying connection changes nothing for the caller.
        }
    }
}

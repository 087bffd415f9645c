package dev.warden.provider.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * One open (possibly TLS) socket to an origin, used by one exchange at a time, and the pool it returns to. Closing
 * is safe from any thread: it is how the watchdog or a client that went away cancels a running exchange.
 *
 * <p>While an exchange waits on it, the connection has a silence limit, which the {@link Watchdog} enforces by
 * closing it; a pooled connection has none.
 */
final class Connection implements Watchdog.Watched {
    /** The socket the exchange talks through: the TLS socket for {@code https}, else the TCP socket itself. */
    private final Socket socket;
    /**
     * The TCP socket under it, which is what closing closes: closing a TLS socket first sends close_notify, which
     * could wait on the thread blocked reading it, whereas the watchdog or a departed client must cut at once.
     */
    private final Socket tcp;
    private final OutputStream out;
    private final SocketInput in;
    private final HostPool home;
    private final Watchdog watchdog;
    /** The longest silence the current exchange allows, in nanoseconds; 0 when no exchange waits on it. */
    private long silenceLimit;
    /** Closed by the watchdog: the upstream stayed silent past the limit. */
    private volatile boolean expired;
    /** When it went idle in the pool ({@link System#nanoTime}). */
    private long idleSince;
    /** Taken from the pool rather than just opened: a first failure may then be a stale connection. */
    private boolean reused;

    Connection(Socket socket, Socket tcp, HostPool home, Watchdog watchdog) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.out = socket.getOutputStream();
        this.in = new SocketInput(socket.getInputStream());
        this.home = home;
        this.watchdog = watchdog;
        watchdog.watch(this);
    }

    SocketInput in() {
        return in;
    }

    /** Writes the whole request at once: a split write costs a second system call and, on loopback, a wake-up. */
    void write(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** From now on, a silence of the upstream longer than this ends the exchange. */
    void silenceLimit(Duration limit) {
        in.waitFrom(System.nanoTime());
        synchronized (this) {
            silenceLimit = Math.max(1, limit.toNanos());
        }
    }

    /** True once the watchdog has closed the connection for a silence past the limit. */
    boolean expired() {
        return expired;
    }

    @Override
    public void check(long now) {
        synchronized (this) {
            if (silenceLimit == 0 || now - in.lastProgress() <= silenceLimit) {
                return;
            }
            silenceLimit = 0;
            expired = true;
        }
        close();
    }

    boolean reused() {
        return reused;
    }

    void pooled(long now) {
        idleSince = now;
        reused = true;
    }

    boolean expired(long now, long idleLimitNanos) {
        return now - idleSince > idleLimitNanos;
    }

    /** Back to the pool, for the next exchange with the same origin, unless the watchdog has just closed it. */
    void release() {
        synchronized (this) {
            if (expired) {
                return;
            }
            silenceLimit = 0;
        }
        home.checkin(this, System.nanoTime());
    }

    void close() {
        watchdog.forget(this);
        try {
            tcp.close();
        } catch (IOException ignored) {
            // Nothing to do about a socket that fails to close; it is gone for us either way.
        }
    }
}

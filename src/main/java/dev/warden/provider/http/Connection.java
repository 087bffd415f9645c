package dev.warden.provider.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

/**
 * One open (possibly TLS) socket to an origin, used by one exchange at a time, and the pool it returns to. Closing
 * is safe from any thread: it is how an idle watchdog or a client that went away cancels a running exchange.
 */
final class Connection {
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
    /** When it went idle in the pool ({@link System#nanoTime}). */
    private long idleSince;
    /** Taken from the pool rather than just opened: a first failure may then be a stale connection. */
    private boolean reused;

    Connection(Socket socket, Socket tcp, HostPool home) throws IOException {
        this.socket = socket;
        this.tcp = tcp;
        this.out = socket.getOutputStream();
        this.in = new SocketInput(socket.getInputStream());
        this.home = home;
    }

    SocketInput in() {
        return in;
    }

    /** Writes the whole request at once: a split write costs a second system call and, on loopback, a wake-up. */
    void write(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** The longest wait of each following read. */
    void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout(Dialer.millis(timeout));
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

    /** Back to the pool, for the next exchange with the same origin. */
    void release() {
        home.checkin(this, System.nanoTime());
    }

    void close() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // Nothing to do about a socket that fails to close; it is gone for us either way.
        }
    }
}

package dev.warden.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response body framed on its connection. Reaching the end hands the connection back to its pool (when both sides
 * allow keep-alive); closing before the end closes the socket, so the upstream sees the client go away and stops.
 * The two can race (a watchdog closes while the reader reaches the end): one state change decides which wins, and
 * after either the body never touches the connection again, since another exchange may already own it.
 */
abstract sealed class Body extends InputStream permits FixedLengthBody, ChunkedBody, CloseDelimitedBody {
    private static final int OPEN = 0;
    private static final int DONE = 1;
    private static final int CLOSED = 2;

    final Connection connection;
    private final boolean keepAlive;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final byte[] one = new byte[1];

    Body(Connection connection, boolean keepAlive) {
        this.connection = connection;
        this.keepAlive = keepAlive;
    }

    /** Bytes of the body already received and readable without waiting; an estimate, 0 when unknown. */
    @Override
    public abstract int available();

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        if (!readable()) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        try {
            return readOpen(buffer, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Reads at least one byte of a body not yet at its end, or returns -1 at the end; a failure loses the framing. */
    abstract int readOpen(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public final int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** True while the body may be read; false at its end; fails once it was closed. */
    private boolean readable() throws IOException {
        int now = state.get();
        if (now == CLOSED) {
            throw new IOException("the upstream response body is closed");
        }
        return now == OPEN;
    }

    final boolean open() {
        return state.get() == OPEN;
    }

    /** The body was read to its end. Bytes past it would belong to no exchange, so such a connection is not kept. */
    final void finish() {
        if (state.compareAndSet(OPEN, DONE)) {
            if (keepAlive && connection.in().buffered() == 0) {
                connection.release();
            } else {
                connection.close();
            }
        }
    }

    /** A read failed: the connection's framing is lost, so it cannot be reused. */
    final IOException failed(IOException e) {
        close();
        return e;
    }

    @Override
    public final void close() {
        if (state.compareAndSet(OPEN, CLOSED)) {
            connection.close();
        }
    }
}

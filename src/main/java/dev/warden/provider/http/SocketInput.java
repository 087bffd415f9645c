package dev.warden.provider.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A connection's read buffer, filled straight from the socket stream. One fill usually holds a whole small answer
 * (head and body), so a non-streamed exchange costs one read call. Heads are parsed in place: the parsers look at
 * {@link #buffer()} between {@link #position()} and a line end, then {@link #skipTo} past it.
 *
 * <p>Only the thread doing the exchange uses it; the connection's owner may close the socket under it.
 */
final class SocketInput {
    static final int SIZE = 16 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[SIZE];
    private int position;
    private int limit;
    /** Bytes ever received on this connection: an exchange that saw none may retry a stale connection. */
    private long received;
    /** When bytes last arrived ({@link System#nanoTime}), or when the current wait began; read by the watchdog. */
    private volatile long lastProgress;

    SocketInput(InputStream in) {
        this.in = in;
    }

    int buffered() {
        return limit - position;
    }

    long received() {
        return received;
    }

    byte[] buffer() {
        return buffer;
    }

    int position() {
        return position;
    }

    void skipTo(int index) {
        position = index;
    }

    int read() throws IOException {
        if (position == limit && !fillEmpty()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            if (length >= buffer.length) {
                // A large read skips the copy; only possible with an empty buffer, or bytes would be reordered.
                int n = in.read(target, offset, length);
                if (n > 0) {
                    received += n;
                    lastProgress = System.nanoTime();
                }
                return n;
            }
            if (!fillEmpty()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    /** Blocks until a whole line is buffered and returns the index of its LF; fails past {@code maxLength}. */
    int lineEnd(int maxLength) throws IOException {
        int from = position;
        while (true) {
            int lf = indexOfLf(from);
            if (lf >= 0) {
                return lf;
            }
            if (limit - position >= maxLength) {
                throw new HttpFailure(HttpFailure.Kind.BROKEN,
                        "the upstream's response head is larger than " + maxLength + " bytes");
            }
            int scanned = limit - position;
            if (!fillMore()) {
                throw new EOFException("the upstream closed the connection in the middle of a line");
            }
            from = position + scanned;
        }
    }

    /** True when a whole line is already buffered, so reading it will not wait. */
    boolean hasLine() {
        return indexOfLf(position) >= 0;
    }

    private int indexOfLf(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fillEmpty() throws IOException {
        position = 0;
        limit = 0;
        return fillMore();
    }

    /**
     * Reads more after what is buffered. Unread bytes move to the front once the free tail gets short (a stream's
     * events would otherwise be read in slivers, one system call each), and the buffer grows for a long line.
     */
    private boolean fillMore() throws IOException {
        if (position > 0 && buffer.length - limit < buffer.length / 4) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        received += n;
        lastProgress = System.nanoTime();
        return true;
    }

    long lastProgress() {
        return lastProgress;
    }

    /** A wait for the upstream starts now. */
    void waitFrom(long now) {
        lastProgress = now;
    }
}

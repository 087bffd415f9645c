package dev.warden.provider.http;

import java.io.EOFException;
import java.io.IOException;

/** A body of a declared {@code Content-Length}, or none at all (HEAD, 1xx, 204, 304 answers). */
final class FixedLengthBody extends Body {
    private long remaining;

    FixedLengthBody(Connection connection, boolean keepAlive, long length) {
        super(connection, keepAlive);
        this.remaining = length;
        if (length == 0) {
            finish();
        }
    }

    @Override
    int readOpen(byte[] buffer, int offset, int length) throws IOException {
        int n = connection.in().read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("the upstream closed the connection " + remaining + " bytes before the end of "
                    + "the body");
        }
        remaining -= n;
        if (remaining == 0) {
            finish();
        }
        return n;
    }

    @Override
    public int available() {
        return open() ? (int) Math.min(remaining, connection.in().buffered()) : 0;
    }
}

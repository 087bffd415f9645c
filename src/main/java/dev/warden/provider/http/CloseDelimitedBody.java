package dev.warden.provider.http;

import java.io.IOException;

/** A body without framing: it ends when the upstream closes the connection, which is then never reused. */
final class CloseDelimitedBody extends Body {
    CloseDelimitedBody(Connection connection) {
        super(connection, false);
    }

    @Override
    int readOpen(byte[] buffer, int offset, int length) throws IOException {
        int n = connection.in().read(buffer, offset, length);
        if (n < 0) {
            finish();
        }
        return n;
    }

    @Override
    public int available() {
        return open() ? connection.in().buffered() : 0;
    }
}

package dev.warden.provider.http;

import java.io.IOException;

/** A body without framing: it ends when the upstream closes the connection, which is then never reused. */
final class CloseDelimitedBody extends Body {
    CloseDelimitedBody(Connection connection) {
        super(connection, false);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!readable()) {
            return -1;
        }
        int n;
        try {
            n = connection.in().read(buffer, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
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

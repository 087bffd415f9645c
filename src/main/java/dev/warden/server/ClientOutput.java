package dev.warden.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The client connection's output stream, with every failure surfaced as an {@link IOException}. The server library
 * reports a vanished peer with unchecked exceptions; stream writers only need to know "the client is gone".
 */
final class ClientOutput extends OutputStream {
    private final OutputStream delegate;

    ClientOutput(OutputStream delegate) {
        this.delegate = delegate;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            delegate.write(b);
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            delegate.write(bytes, offset, length);
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            delegate.flush();
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }
}

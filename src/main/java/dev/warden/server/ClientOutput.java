package dev.warden.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The client connection's output stream, with every failure surfaced as an {@link IOException}, and flushes held
 * back while more of the stream is already at hand. The server library
 * reports a vanished peer with unchecked exceptions; stream writers only need to know "the client is gone".
 */
final class ClientOutput extends OutputStream {
    private final Supplier<OutputStream> opener;
    private final BooleanSupplier holdFlush;
    private @Nullable OutputStream delegate;

    /**
     * @param opener gives the response body stream; called at the first write, once headers are final
     * @param holdFlush true while the next event is already on its way, so a flush may wait for it: events that
     *                  arrived together then leave in one write (and one wake-up of the client) instead of one each
     */
    ClientOutput(Supplier<OutputStream> opener, BooleanSupplier holdFlush) {
        this.opener = opener;
        this.holdFlush = holdFlush;
    }

    private OutputStream delegate() {
        if (delegate == null) {
            delegate = opener.get();
        }
        return delegate;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            delegate().write(b);
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            delegate().write(bytes, offset, length);
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (holdFlush.getAsBoolean()) {
            return; // a later flush, at the latest the one before the stream waits, sends these bytes
        }
        try {
            delegate().flush();
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            delegate().close();
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }
}

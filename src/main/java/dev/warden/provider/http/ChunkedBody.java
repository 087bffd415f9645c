package dev.warden.provider.http;

import java.io.EOFException;
import java.io.IOException;

/**
 * A {@code Transfer-Encoding: chunked} body, decoded as an explicit state machine: chunk size line, data, CRLF,
 * and after the last (empty) chunk the trailer fields, which are read and dropped. Sizes are strict hex and every
 * line must end in CRLF: a body whose framing is off cannot be trusted to end where the upstream meant.
 *
 * <p>After each piece of data the framing that follows is decoded at once when it is already buffered, so that
 * {@link #available} tells the truth ("more data is here") and a finished body frees its connection before the
 * caller asks for the end.
 */
final class ChunkedBody extends Body {
    /** Longest chunk size line (with extensions) or trailer section accepted. */
    private static final int MAX_FRAMING = 64 * 1024;
    /** Hex digits of a chunk size that surely fit a long. */
    private static final int MAX_SIZE_DIGITS = 15;

    private enum Phase { SIZE, DATA, DATA_END, TRAILERS }

    private Phase phase = Phase.SIZE;
    private long chunkRemaining;
    private int trailerBytes;

    ChunkedBody(Connection connection, boolean keepAlive) throws IOException {
        super(connection, keepAlive);
        try {
            advance(false);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    int readOpen(byte[] buffer, int offset, int length) throws IOException {
        if (phase != Phase.DATA) {
            advance(true);
            if (!open()) {
                return -1;
            }
        }
        int n = connection.in().read(buffer, offset, (int) Math.min(length, chunkRemaining));
        if (n < 0) {
            throw new EOFException("the upstream closed the connection inside a chunk");
        }
        chunkRemaining -= n;
        if (chunkRemaining == 0) {
            phase = Phase.DATA_END;
            advance(false);
        }
        return n;
    }

    @Override
    public int available() {
        return open() && phase == Phase.DATA ? (int) Math.min(chunkRemaining, connection.in().buffered()) : 0;
    }

    /**
     * Decodes framing up to the next chunk's data or the body's end. Without {@code wait} it stops where the next
     * piece of framing is not wholly buffered yet.
     */
    private void advance(boolean wait) throws IOException {
        var in = connection.in();
        while (open() && phase != Phase.DATA) {
            switch (phase) {
                case DATA_END -> {
                    if (!wait && in.buffered() < 2) {
                        return;
                    }
                    if (in.read() != '\r' || in.read() != '\n') {
                        throw new HttpFailure(HttpFailure.Kind.BROKEN, "a chunk of the upstream body is not "
                                + "followed by CRLF");
                    }
                    phase = Phase.SIZE;
                }
                case SIZE -> {
                    if (!wait && !in.hasLine()) {
                        return;
                    }
                    long size = chunkSize(in);
                    if (size == 0) {
                        phase = Phase.TRAILERS;
                    } else {
                        chunkRemaining = size;
                        phase = Phase.DATA;
                    }
                }
                case TRAILERS -> {
                    if (!wait && !in.hasLine()) {
                        return;
                    }
                    if (lineIsEmpty(in)) {
                        finish();
                    }
                }
                case DATA -> throw new IllegalStateException("unreachable");
            }
        }
    }

    /** Parses a chunk size line: hex digits, then optionally extensions (after {@code ;}), which are ignored. */
    private static long chunkSize(SocketInput in) throws IOException {
        int lf = crlfLineEnd(in, MAX_FRAMING);
        var buffer = in.buffer();
        int from = in.position();
        int end = lf - 1;
        long size = 0;
        int i = from;
        for (; i < end; i++) {
            int digit = Character.digit(buffer[i], 16);
            if (digit < 0) {
                break;
            }
            if (i - from == MAX_SIZE_DIGITS) {
                throw new HttpFailure(HttpFailure.Kind.BROKEN, "a chunk of the upstream body is too large");
            }
            size = size * 16 + digit;
        }
        if (i == from) {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "a chunk size of the upstream body is not hex");
        }
        while (i < end && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        if (i < end && buffer[i] != ';') {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "a chunk size of the upstream body is not hex");
        }
        in.skipTo(lf + 1);
        return size;
    }

    /** Reads one trailer line; true for the empty line that ends the body. */
    private boolean lineIsEmpty(SocketInput in) throws IOException {
        int lf = crlfLineEnd(in, MAX_FRAMING - trailerBytes);
        int length = lf + 1 - in.position();
        trailerBytes += length;
        if (trailerBytes > MAX_FRAMING) {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "the upstream's trailers are larger than "
                    + MAX_FRAMING + " bytes");
        }
        in.skipTo(lf + 1);
        return length == 2;
    }

    private static int crlfLineEnd(SocketInput in, int maxLength) throws IOException {
        int lf = in.lineEnd(maxLength);
        if (lf == in.position() || in.buffer()[lf - 1] != '\r') {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "a line of the upstream's chunked body does not end "
                    + "in CRLF");
        }
        return lf;
    }
}

package dev.warden.provider.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.UUID;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the AWS eventstream binary framing ({@code application/vnd.amazon.eventstream}) from a byte stream, as
 * an explicit state machine over one frame at a time:
 *
 * <pre>
 *  PRELUDE (12 bytes: total length, headers length, prelude CRC32) ──CRC ok──► REST (headers, payload, CRC32)
 *     ▲                                                                            │ message CRC ok
 *     └──────────────────────────── frame returned ◄───────────────────────────────┘
 * </pre>
 *
 * Both CRCs are checked (the prelude's before its lengths are trusted, so a corrupt length never makes us wait
 * for or allocate bytes that will not come). End of stream between frames is a clean end ({@code null}); inside
 * a frame it is a truncation. Not thread-safe: one reader per stream, read by the request's thread.
 */
final class EventStreamReader {
    static final int PRELUDE_LENGTH = 12;
    /** Prelude plus the trailing message CRC. */
    static final int OVERHEAD = 16;
    /** AWS caps a message at 16 MiB and its headers at 128 KiB; anything larger is corruption, not data. */
    static final int MAX_MESSAGE = 16 * 1024 * 1024;
    static final int MAX_HEADERS = 128 * 1024;

    enum State { PRELUDE, REST, ENDED }

    private final InputStream in;
    private final byte[] prelude = new byte[PRELUDE_LENGTH];
    private State state = State.PRELUDE;
    private int frames;

    EventStreamReader(InputStream in) {
        this.in = in;
    }

    State state() {
        return state;
    }

    /**
     * The next frame, or null when the stream ended cleanly between frames.
     *
     * @throws EventStreamException when the stream ends inside a frame or a frame is corrupt
     * @throws IOException when reading fails
     */
    @Nullable EventFrame next() throws IOException {
        if (state == State.ENDED) {
            return null;
        }
        int got = readFully(prelude, 0, PRELUDE_LENGTH);
        if (got == 0) {
            state = State.ENDED;
            return null;
        }
        if (got < PRELUDE_LENGTH) {
            throw fail("The upstream stream ended inside a frame prelude (frame " + frames + ").", true);
        }
        var head = ByteBuffer.wrap(prelude);
        long total = Integer.toUnsignedLong(head.getInt(0));
        long headersLength = Integer.toUnsignedLong(head.getInt(4));
        long preludeCrc = Integer.toUnsignedLong(head.getInt(8));
        if (crc(prelude, 0, 8, null) != preludeCrc) {
            throw fail("Prelude CRC mismatch in upstream eventstream frame " + frames + ".", false);
        }
        if (total < OVERHEAD || total > MAX_MESSAGE || headersLength > MAX_HEADERS
                || headersLength > total - OVERHEAD) {
            throw fail("Impossible lengths in upstream eventstream frame " + frames + " (total " + total
                    + ", headers " + headersLength + ").", false);
        }
        state = State.REST;
        var rest = new byte[(int) total - PRELUDE_LENGTH];
        if (readFully(rest, 0, rest.length) < rest.length) {
            throw fail("The upstream stream ended inside frame " + frames + ".", true);
        }
        long messageCrc = Integer.toUnsignedLong(ByteBuffer.wrap(rest).getInt(rest.length - 4));
        if (crc(rest, 0, rest.length - 4, prelude) != messageCrc) {
            throw fail("Message CRC mismatch in upstream eventstream frame " + frames + ".", false);
        }
        var body = ByteBuffer.wrap(rest, 0, rest.length - 4);
        var headers = headers(body, (int) headersLength);
        var payload = new byte[body.remaining()];
        body.get(payload);
        state = State.PRELUDE;
        frames++;
        return new EventFrame(headers, payload);
    }

    private HashMap<String, String> headers(ByteBuffer body, int length) throws EventStreamException {
        var headers = new HashMap<String, String>();
        int end = body.position() + length;
        try {
            while (body.position() < end) {
                var name = string(body, body.get() & 0xff);
                int type = body.get() & 0xff;
                var value = switch (type) {
                    case 0 -> "true";
                    case 1 -> "false";
                    case 2 -> Byte.toString(body.get());
                    case 3 -> Short.toString(body.getShort());
                    case 4 -> Integer.toString(body.getInt());
                    case 5 -> Long.toString(body.getLong());
                    case 6 -> Base64.getEncoder().encodeToString(bytes(body, body.getShort() & 0xffff));
                    case 7 -> string(body, body.getShort() & 0xffff);
                    case 8 -> Instant.ofEpochMilli(body.getLong()).toString();
                    case 9 -> new UUID(body.getLong(), body.getLong()).toString();
                    default -> throw fail("Unknown header type " + type + " in upstream eventstream frame "
                            + frames + ".", false);
                };
                headers.put(name, value);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw fail("Headers overrun their length in upstream eventstream frame " + frames + ".", false);
        }
        if (body.position() != end) {
            throw fail("Headers overrun their length in upstream eventstream frame " + frames + ".", false);
        }
        return headers;
    }

    private static String string(ByteBuffer body, int length) {
        return new String(bytes(body, length), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer body, int length) {
        var out = new byte[length];
        body.get(out);
        return out;
    }

    /** CRC32 of {@code first} (when given) followed by the range of {@code bytes}. */
    private static long crc(byte[] bytes, int offset, int length, byte @Nullable [] first) {
        var crc = new CRC32();
        if (first != null) {
            crc.update(first);
        }
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private int readFully(byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private EventStreamException fail(String detail, boolean truncated) {
        state = State.ENDED;
        return new EventStreamException(detail, truncated);
    }
}

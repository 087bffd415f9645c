package dev.warden.provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events from a byte stream, per the WHATWG event-stream rules: lines end in LF, CRLF or CR;
 * {@code data:} lines of one event are joined with LF; lines starting with {@code :} are comments; a blank line
 * dispatches; an event without data is not dispatched; an unfinished event at end of stream is discarded. Only
 * {@code data} and {@code event} are kept ({@code id} and {@code retry} mean nothing to a one-shot stream).
 *
 * <p>Bytes are scanned in place in one reusable buffer; a line becomes a String only when it is a field worth
 * keeping. Shared by every provider whose upstream streams SSE. Not thread-safe: one reader per stream, read by the request's thread.
 */
public final class SseReader implements StreamPump.Source<SseReader.Event> {
    /** One dispatched event; {@code event} is null when the stream gave no event name (type "message"). */
    public record Event(@Nullable String event, String data) {}

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lastWasCr;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private @Nullable String eventName;

    public SseReader(InputStream in) {
        this.in = in;
    }

    /** The next event, or null at end of stream. */
    @Override
    public @Nullable Event next() throws IOException {
        while (readLine()) {
            if (lineLength == 0) {
                if (hasData) {
                    var event = new Event(eventName, data.toString());
                    data.setLength(0);
                    hasData = false;
                    eventName = null;
                    return event;
                }
                eventName = null;
                continue;
            }
            field();
        }
        return null;
    }

    /** Unread bytes in this reader or in the stream below it: the next event is at least partly here. */
    @Override
    public boolean buffered() {
        if (position < limit) {
            return true;
        }
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void field() {
        if (line[0] == ':') {
            return;
        }
        int colon = indexOf(line, lineLength, (byte) ':');
        int nameEnd = colon < 0 ? lineLength : colon;
        int valueStart = colon < 0 ? lineLength : colon + 1;
        if (valueStart < lineLength && line[valueStart] == ' ') {
            valueStart++;
        }
        if (is("data", nameEnd)) {
            if (hasData) {
                data.append('\n');
            }
            data.append(new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8));
            hasData = true;
        } else if (is("event", nameEnd)) {
            eventName = new String(line, valueStart, lineLength - valueStart, StandardCharsets.UTF_8);
        }
    }

    private boolean is(String name, int nameEnd) {
        if (nameEnd != name.length()) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            if (line[i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Fills {@code line} with the next complete line; false at end of stream (a partial last line is dropped). */
    private boolean readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return false;
                }
            }
            byte b = buffer[position++];
            if (b == '\n') {
                if (lastWasCr) {
                    lastWasCr = false; // the LF of a CRLF: the line already ended at the CR
                    continue;
                }
                return true;
            }
            lastWasCr = b == '\r';
            if (lastWasCr) {
                return true;
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = b;
        }
    }

    private static int indexOf(byte[] bytes, int length, byte target) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return -1;
    }
}

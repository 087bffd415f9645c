package dev.warden.provider.ollama;

import dev.warden.provider.StreamPump;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads newline-delimited JSON ({@code application/x-ndjson}) one line at a time. Lines end in LF (a CR before it is
 * dropped); bytes are collected until the newline and only then decoded, so a multi-byte character split across
 * reads is never mangled. Blank lines are skipped.
 *
 * <p>A last line without its newline is discarded: Ollama ends every object with one, so an unterminated line is a
 * connection cut mid-object, and reporting it as the truncation it is beats failing on half a JSON document.
 * Not thread-safe: one reader per stream, read by the request's thread.
 */
final class NdjsonReader implements StreamPump.Source<String> {
    /** A line past this is not a stream event but a broken or hostile upstream. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[512];
    private int lineLength;

    NdjsonReader(InputStream in) {
        this.in = in;
    }

    /** The next non-blank line without its line ending, or null at end of stream. */
    @Override
    public @Nullable String next() throws IOException {
        while (true) {
            if (!readLine()) {
                return null;
            }
            int end = lineLength;
            if (end > 0 && line[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(line, end)) {
                return new String(line, 0, end, StandardCharsets.UTF_8);
            }
        }
    }

    /** Unread bytes in this reader or in the stream below it: the next line is at least partly here. */
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

    /** Fills {@code line} up to the next LF; false at end of stream (an unterminated tail is dropped). */
    private boolean readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return false;
                }
                position = 0;
                limit = n;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++; // past the LF
                return true;
            }
        }
    }

    private void append(int from, int to) throws IOException {
        int count = to - from;
        if (count == 0) {
            return;
        }
        if (lineLength + count > MAX_LINE) {
            throw new IOException("NDJSON line longer than " + MAX_LINE + " bytes");
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(buffer, from, line, lineLength, count);
        lineLength += count;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}

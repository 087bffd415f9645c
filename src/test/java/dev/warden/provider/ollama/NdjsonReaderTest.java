package dev.warden.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonReaderTest {

    private static List<String> lines(InputStream in) throws IOException {
        var reader = new NdjsonReader(in);
        var out = new ArrayList<String>();
        for (var line = reader.next(); line != null; line = reader.next()) {
            out.add(line);
        }
        return out;
    }

    private static List<String> lines(String text) throws IOException {
        return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void splitsOnLfDropsCrAndSkipsBlankLines() throws IOException {
        assertThat(lines("{\"a\":1}\r\n\n  \r\n{\"b\":2}\n")).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void anUnterminatedLastLineIsDiscarded() throws IOException {
        assertThat(lines("{\"a\":1}\n{\"b\":")).containsExactly("{\"a\":1}");
        assertThat(lines("")).isEmpty();
    }

    /** Delivers one byte per read, so every multi-byte character is split across reads. */
    @Test
    void multiByteCharactersSplitAcrossReadsSurvive() throws IOException {
        var bytes = "{\"t\":\"wörld 🌍\"}\n".getBytes(StandardCharsets.UTF_8);
        var trickle = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };
        assertThat(lines(trickle)).containsExactly("{\"t\":\"wörld 🌍\"}");
    }

    @Test
    void aLineLongerThanTheBufferIsWholeAndAnAbsurdOneIsRefused() throws IOException {
        var longText = "x".repeat(100_000);
        assertThat(lines("{\"t\":\"" + longText + "\"}\n")).singleElement().asString().hasSize(100_008);
        var endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertThatThrownBy(() -> lines(endless)).isInstanceOf(IOException.class);
    }
}

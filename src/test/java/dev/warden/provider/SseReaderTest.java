package dev.warden.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static List<SseReader.Event> read(InputStream in) throws IOException {
        var reader = new SseReader(in);
        var events = new ArrayList<SseReader.Event>();
        for (var event = reader.next(); event != null; event = reader.next()) {
            events.add(event);
        }
        return events;
    }

    private static List<SseReader.Event> read(String text) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dataLinesAreJoinedCommentsIgnoredAndEventNamesKept() throws IOException {
        assertThat(read(": ping\n\nevent: error\ndata: a\ndata:b\nid: 7\nretry: 10\n\ndata: c\n\n")).containsExactly(
                new SseReader.Event("error", "a\nb"), new SseReader.Event(null, "c"));
    }

    @Test
    void crLfAndLoneCrEndLines() throws IOException {
        assertThat(read("data: one\r\n\r\ndata: two\r\rdata: three\n\n")).containsExactly(
                new SseReader.Event(null, "one"), new SseReader.Event(null, "two"),
                new SseReader.Event(null, "three"));
    }

    @Test
    void blankLinesWithoutDataDispatchNothingAndAnEventNameDoesNotLeak() throws IOException {
        assertThat(read("\n\nevent: x\n\ndata: y\n\n")).containsExactly(new SseReader.Event(null, "y"));
    }

    @Test
    void anUnfinishedEventAtEndOfStreamIsDiscarded() throws IOException {
        assertThat(read("data: whole\n\ndata: half")).containsExactly(new SseReader.Event(null, "whole"));
        assertThat(read("data: whole\n\ndata: half\n")).containsExactly(new SseReader.Event(null, "whole"));
    }

    @Test
    void onlyOneLeadingSpaceIsStrippedAndFieldWithoutColonIsEmptyData() throws IOException {
        assertThat(read("data:  two spaces\n\ndata\n\n")).containsExactly(new SseReader.Event(null, " two spaces"),
                new SseReader.Event(null, ""));
    }

    @Test
    void bytesArrivingOneAtATimeSplitAnywhereIncludingInsideUtf8AndCrLf() throws IOException {
        var bytes = "data: héllo 🌍\r\n\r\ndata: long".concat("x".repeat(10_000)).concat("\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var trickle = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[i++];
                return 1;
            }
        };
        assertThat(read(trickle)).containsExactly(new SseReader.Event(null, "héllo 🌍"),
                new SseReader.Event(null, "long" + "x".repeat(10_000)));
    }

    @Test
    void bufferedTellsWhetherTheNextEventIsAlreadyHereOrStillToBeWaitedFor() throws IOException {
        var events = List.of("data: a\n\n", "data: b\n\n", "data: c\n\n");
        // Hands out one event per read and says how many bytes it has ready, as a socket stream would.
        var oneEventPerRead = new InputStream() {
            private int next;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next == events.size()) {
                    return -1;
                }
                var bytes = events.get(next++).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, b, off, bytes.length);
                return bytes.length;
            }

            @Override
            public int available() {
                return next < 2 ? 8 : 0; // the third event is still on its way
            }
        };
        var reader = new SseReader(oneEventPerRead);
        assertThat(reader.next()).isEqualTo(new SseReader.Event(null, "a"));
        assertThat(reader.buffered()).isTrue();
        assertThat(reader.next()).isEqualTo(new SseReader.Event(null, "b"));
        assertThat(reader.buffered()).isFalse();

        var together = new SseReader(new ByteArrayInputStream("data: a\n\ndata: b\n\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(together.next()).isEqualTo(new SseReader.Event(null, "a"));
        assertThat(together.buffered()).as("b was read with a").isTrue();
        assertThat(together.next()).isEqualTo(new SseReader.Event(null, "b"));
        assertThat(together.buffered()).isFalse();
    }
}

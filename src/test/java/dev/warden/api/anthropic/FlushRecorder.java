package dev.warden.api.anthropic;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what reached the client at each flush. */
final class FlushRecorder extends OutputStream {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    final List<String> flushes = new ArrayList<>();

    @Override
    public void write(int b) {
        all.write(b);
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        all.write(b, off, len);
        pending.write(b, off, len);
    }

    @Override
    public void flush() {
        flushes.add(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
    }

    String text() {
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Each event as {name, data}. */
    List<String[]> events() {
        var events = new ArrayList<String[]>();
        for (String event : text().split("\n\n")) {
            String[] lines = event.split("\n", 2);
            events.add(new String[] {lines[0].substring("event: ".length()), lines[1].substring("data: ".length())});
        }
        return events;
    }
}

package dev.warden.api.wire;

import dev.warden.llm.ClientGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Hands stream events to the client: each event (SSE or an NDJSON line, framed by the dialect) is assembled in
 * memory and handed over in one write followed by a flush, so the client sees it at once and never half an event.
 * A failed write means the client went away. Not thread-safe: one per stream.
 */
public final class EventChannel {
    private final JsonWriter json;
    private final OutputStream out;
    private final ByteArrayOutputStream event = new ByteArrayOutputStream(512);

    private EventChannel(JsonWriter json, OutputStream out) {
        this.json = Objects.requireNonNull(json, "json");
        this.out = Objects.requireNonNull(out, "out");
    }

    public static EventChannel of(JsonWriter json, OutputStream out) {
        return new EventChannel(json, out);
    }

    /** One event: the framing bytes {@code before}, the JSON document, the framing bytes {@code after}. */
    public void send(byte[] before, JsonBody body, byte[] after) {
        event.reset();
        event.writeBytes(before);
        json.append(event, body);
        event.writeBytes(after);
        flush();
    }

    /** One event with no JSON in it, such as OpenAI's {@code data: [DONE]}. */
    public void sendBytes(byte[] bytes) {
        event.reset();
        event.writeBytes(bytes);
        flush();
    }

    private void flush() {
        try {
            event.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}

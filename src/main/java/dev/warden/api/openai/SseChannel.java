package dev.warden.api.openai;

import dev.warden.llm.ClientGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes {@code data: <json>\n\n} events to the client. Each event is assembled in memory and handed over in one
 * write followed by a flush, so the client sees it at once and never half an event. Not thread-safe: one per
 * stream.
 */
final class SseChannel {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OpenAiCodec codec;
    private final OutputStream out;
    private final ByteArrayOutputStream event = new ByteArrayOutputStream(512);

    SseChannel(OpenAiCodec codec, OutputStream out) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.out = Objects.requireNonNull(out, "out");
    }

    void send(JsonBody json) {
        event.reset();
        event.writeBytes(DATA);
        codec.write(event, json);
        event.writeBytes(END);
        flush();
    }

    void sendDone() {
        event.reset();
        event.writeBytes(DONE);
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

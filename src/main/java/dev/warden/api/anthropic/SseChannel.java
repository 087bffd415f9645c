package dev.warden.api.anthropic;

import dev.warden.llm.ClientGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes Anthropic's named events, {@code event: <name>\ndata: <json>\n\n}. Each event is assembled in memory and
 * handed over in one write followed by a flush, so the client sees it at once and never half an event. Not
 * thread-safe: one per stream.
 */
final class SseChannel {
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final AnthropicCodec codec;
    private final OutputStream out;
    private final ByteArrayOutputStream event = new ByteArrayOutputStream(512);

    SseChannel(AnthropicCodec codec, OutputStream out) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** {@code name} is also the JSON's {@code type}, which the body must write itself. */
    void send(String name, JsonBody json) {
        event.reset();
        event.writeBytes(EVENT);
        event.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        event.writeBytes(DATA);
        codec.write(event, json);
        event.writeBytes(END);
        try {
            event.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}

package dev.warden.api.openai;

import dev.warden.api.wire.EventChannel;
import dev.warden.api.wire.JsonBody;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** OpenAI's SSE framing, {@code data: <json>\n\n} and a closing {@code data: [DONE]}. One per stream. */
final class SseChannel {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventChannel channel;

    SseChannel(OpenAiCodec codec, OutputStream out) {
        this.channel = EventChannel.of(codec.json(), out);
    }

    void send(JsonBody json) {
        channel.send(DATA, json, END);
    }

    void sendDone() {
        channel.sendBytes(DONE);
    }
}

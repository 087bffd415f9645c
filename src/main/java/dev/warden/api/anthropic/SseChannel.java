package dev.warden.api.anthropic;

import dev.warden.api.wire.EventChannel;
import dev.warden.api.wire.JsonBody;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Anthropic's named events, {@code event: <name>\ndata: <json>\n\n}. One per stream. */
final class SseChannel {
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventChannel channel;

    SseChannel(AnthropicCodec codec, OutputStream out) {
        this.channel = EventChannel.of(codec.json(), out);
    }

    /** {@code name} is also the JSON's {@code type}, which the body must write itself. */
    void send(String name, JsonBody json) {
        channel.send(("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII), json, END);
    }
}

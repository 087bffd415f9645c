package dev.warden.api.ollama;

import dev.warden.api.wire.EventChannel;
import dev.warden.api.wire.JsonBody;
import java.io.OutputStream;

/**
 * One JSON object per line ({@code application/x-ndjson}), as Ollama streams; a whole line per write matters
 * because Ollama's clients parse line by line. One per stream.
 */
final class NdjsonChannel {
    private static final byte[] NONE = {};
    private static final byte[] END = {'\n'};

    private final EventChannel channel;

    NdjsonChannel(OllamaCodec codec, OutputStream out) {
        this.channel = EventChannel.of(codec.json(), out);
    }

    void send(JsonBody json) {
        channel.send(NONE, json, END);
    }
}

package dev.warden.api.ollama;

import dev.warden.llm.ClientGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes one JSON object per line ({@code application/x-ndjson}), as Ollama streams. Each line is assembled in memory
 * and handed over in one write followed by a flush, so the client sees it at once and never half a line (Ollama's
 * clients parse line by line). Not thread-safe: one per stream.
 */
final class NdjsonChannel {
    private final OllamaCodec codec;
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

    NdjsonChannel(OllamaCodec codec, OutputStream out) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.out = Objects.requireNonNull(out, "out");
    }

    void send(JsonBody json) {
        line.reset();
        codec.write(line, json);
        line.write('\n');
        try {
            line.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}

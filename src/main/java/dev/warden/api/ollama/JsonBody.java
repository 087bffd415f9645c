package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one JSON document; lets the codec and the stream writers share one way of turning writes into bytes. */
@FunctionalInterface
interface JsonBody {
    void write(JsonGenerator out) throws IOException;
}

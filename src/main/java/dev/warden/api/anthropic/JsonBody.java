package dev.warden.api.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one JSON document; lets the codec and the stream writer share one way of turning writes into bytes. */
@FunctionalInterface
interface JsonBody {
    void write(JsonGenerator out) throws IOException;
}

package dev.warden.api.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one JSON document; lets a codec and its stream writers share one way of turning writes into bytes. */
@FunctionalInterface
public interface JsonBody {
    void write(JsonGenerator out) throws IOException;
}

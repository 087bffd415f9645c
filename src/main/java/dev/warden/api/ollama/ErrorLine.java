package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiError;
import java.io.IOException;

/**
 * Ollama's error body, {@code {"error": "..."}}: the only shape its clients read (ollama-python raises
 * {@code ResponseError(error)}, the Go client returns {@code StatusError}). The same object ends a stream that
 * failed; the clients raise it as an error when they meet it on a line.
 */
final class ErrorLine {
    private ErrorLine() {}

    static void write(JsonGenerator g, ApiError error) throws IOException {
        g.writeStartObject();
        g.writeStringField("error", error.message());
        g.writeEndObject();
    }
}

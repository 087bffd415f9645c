package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** {@link EmbeddingResponse} to a {@code list} of {@code embedding} objects. */
final class EmbeddingResponseEncoder {
    private EmbeddingResponseEncoder() {}

    static void write(JsonGenerator g, EmbeddingResponse response, @Nullable String encodingFormat)
            throws IOException {
        boolean base64 = "base64".equals(encodingFormat);
        g.writeStartObject();
        g.writeStringField("object", "list");
        g.writeArrayFieldStart("data");
        for (Embedding embedding : response.data()) {
            g.writeStartObject();
            g.writeStringField("object", "embedding");
            g.writeNumberField("index", embedding.index());
            if (base64) {
                g.writeStringField("embedding", base64(embedding));
            } else {
                g.writeArrayFieldStart("embedding");
                for (int i = 0; i < embedding.dimensions(); i++) {
                    g.writeNumber(embedding.at(i));
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("model", response.model());
        g.writeObjectFieldStart("usage");
        g.writeNumberField("prompt_tokens", response.usage().promptTokens());
        g.writeNumberField("total_tokens", response.usage().totalTokens());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The SDKs decode base64 embeddings as little-endian float32 (numpy's default {@code <f4}). */
    static String base64(Embedding embedding) {
        ByteBuffer bytes = ByteBuffer.allocate(embedding.dimensions() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < embedding.dimensions(); i++) {
            bytes.putFloat(embedding.at(i));
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}

package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/** {@link EmbeddingResponse} as {@code /api/embed}'s {@code embeddings} matrix or {@code /api/embeddings}' vector. */
final class EmbedResponseEncoder {
    private EmbedResponseEncoder() {}

    /** {@code model} is the name the client asked for, which is what Ollama echoes. */
    static void embed(JsonGenerator g, String model, EmbeddingResponse response) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", model);
        g.writeArrayFieldStart("embeddings");
        for (Embedding embedding : ordered(response)) {
            vector(g, embedding);
        }
        g.writeEndArray();
        g.writeNumberField("prompt_eval_count", response.usage().promptTokens());
        g.writeEndObject();
    }

    /** The legacy endpoint embeds exactly one prompt (the decoder guarantees one input). */
    static void legacy(JsonGenerator g, EmbeddingResponse response) throws IOException {
        g.writeStartObject();
        g.writeFieldName("embedding");
        List<Embedding> data = ordered(response);
        if (data.isEmpty()) {
            g.writeStartArray();
            g.writeEndArray();
        } else {
            vector(g, data.getFirst());
        }
        g.writeEndObject();
    }

    /** Upstreams may answer out of order; Ollama's matrix is in input order. */
    private static List<Embedding> ordered(EmbeddingResponse response) {
        return response.data().stream().sorted(Comparator.comparingInt(Embedding::index)).toList();
    }

    private static void vector(JsonGenerator g, Embedding embedding) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < embedding.dimensions(); i++) {
            g.writeNumber(embedding.at(i));
        }
        g.writeEndArray();
    }
}

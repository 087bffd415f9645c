package dev.warden.llm;

import java.util.List;
import java.util.Objects;

public record EmbeddingResponse(String model, List<Embedding> data, Usage usage) {
    public EmbeddingResponse {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        data = List.copyOf(data);
    }
}

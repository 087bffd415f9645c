package dev.warden.llm;

import java.util.Objects;

/** A model a client may name, as listed by {@code /v1/models}. */
public record ModelInfo(String id, String ownedBy, long created) {
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownedBy, "ownedBy");
    }
}

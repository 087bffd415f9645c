package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A function the model may call; {@code parameters} is its JSON Schema, forwarded as given. */
public record Tool(
        String name,
        @Nullable String description,
        RawJson parameters,
        @Nullable Boolean strict,
        @Nullable CacheHint cache) {
    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }

    public Tool(String name, @Nullable String description, RawJson parameters, @Nullable Boolean strict) {
        this(name, description, parameters, strict, null);
    }
}

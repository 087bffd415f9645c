package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A function the model may call; {@code parameters} is its JSON Schema, forwarded as given. */
public record Tool(String name, @Nullable String description, RawJson parameters, @Nullable Boolean strict) {
    public Tool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }
}

package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The shape the answer must take. */
public sealed interface ResponseFormat {
    record Text() implements ResponseFormat {}

    /** Any valid JSON object ("JSON mode"). */
    record JsonObject() implements ResponseFormat {}

    /** JSON conforming to {@code schema} (structured output). */
    record JsonSchema(String name, @Nullable String description, RawJson schema, @Nullable Boolean strict)
            implements ResponseFormat {
        public JsonSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
        }
    }
}

package dev.warden.llm;

import java.util.Objects;

/**
 * A JSON value kept as text, for the one explicit pass-through of request fields Warden does not model, and for
 * JSON-typed payloads (tool schemas, tool arguments) that are forwarded without interpretation.
 */
public record RawJson(String json) {
    public RawJson {
        Objects.requireNonNull(json, "json");
    }

    public static RawJson of(String json) {
        return new RawJson(json);
    }

    @Override
    public String toString() {
        return json;
    }
}

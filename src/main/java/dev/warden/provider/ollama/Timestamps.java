package dev.warden.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.provider.ProviderJson;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Ollama's timestamps: Go's {@code time.Time} in RFC 3339, with nanosecond fractions and a zone offset or Z. */
final class Timestamps {
    private Timestamps() {}

    /** Unix seconds of the field's timestamp, or {@code fallback} when absent or unreadable. */
    static long epochSeconds(JsonNode node, String field, long fallback) {
        var value = ProviderJson.text(node, field);
        if (value == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toEpochSecond();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}

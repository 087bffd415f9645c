package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object of the request together with its path, offering typed reads that fail with a 400 naming the exact
 * field. JSON {@code null} counts as absent, as it does for Ollama (Go's decoder leaves the zero value).
 */
record ObjectFields(ObjectNode node, String path) {

    static ObjectFields of(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return new ObjectFields(object, path);
        }
        throw RequestErrors.wrongType(path, "an object", node);
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The value, or null when the field is absent or JSON null. */
    @Nullable JsonNode get(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String name) {
        JsonNode value = get(name);
        if (value == null) {
            throw RequestErrors.missing(at(name));
        }
        return value;
    }

    String requiredString(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw RequestErrors.wrongType(at(name), "a string", value);
        }
        return value.textValue();
    }

    @Nullable String string(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw RequestErrors.wrongType(at(name), "a string", value);
        }
        return value.textValue();
    }

    /** A string where absent and empty mean the same, as with Go's zero value; null for both. */
    @Nullable String nonEmptyString(String name) {
        String value = string(name);
        return value == null || value.isEmpty() ? null : value;
    }

    @Nullable Boolean bool(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw RequestErrors.wrongType(at(name), "a boolean", value);
        }
        return value.booleanValue();
    }

    @Nullable Double number(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw RequestErrors.wrongType(at(name), "a number", value);
        }
        return value.doubleValue();
    }

    /** A whole number; {@code 40.0} is accepted, {@code 40.5} is not (it cannot be honoured exactly). */
    @Nullable Long longValue(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw RequestErrors.wrongType(at(name), "an integer", value);
        }
        return value.longValue();
    }

    /** An integer of at least {@code min}. */
    @Nullable Integer integer(String name, int min) {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < min || value > Integer.MAX_VALUE) {
            throw RequestErrors.invalid(at(name), at(name) + ": expected an integer of at least " + min + ", got "
                    + value);
        }
        return value.intValue();
    }

    @Nullable ObjectFields object(String name) {
        JsonNode value = get(name);
        return value == null ? null : of(value, at(name));
    }

    ObjectFields requiredObject(String name) {
        return of(required(name), at(name));
    }

    @Nullable ArrayNode array(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof ArrayNode array) {
            return array;
        }
        throw RequestErrors.wrongType(at(name), "an array", value);
    }

    /**
     * Rejects fields outside {@code known}. Ollama's Go decoder ignores unknown fields, but inside a message an
     * unknown field is almost always data the client meant to send (an OpenAI-style field, a typo); dropping it
     * silently would change the conversation, so it is a 400 instead.
     */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw RequestErrors.invalid(at(name), at(name) + ": unknown field");
            }
        }
    }
}

package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object of the request together with its path, offering typed reads that fail with the OpenAI-style 400
 * naming the exact parameter. JSON {@code null} counts as absent, as it does for the OpenAI API.
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

    boolean has(String name) {
        return get(name) != null;
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

    /** A number inside {@code [min, max]}; the bounds are the ones the OpenAI API itself enforces. */
    @Nullable Double number(String name, double min, double max) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw RequestErrors.wrongType(at(name), "a number", value);
        }
        double number = value.doubleValue();
        if (!(number >= min && number <= max)) {
            throw RequestErrors.invalid(at(name), "Invalid '" + at(name) + "': expected a value between "
                    + plain(min) + " and " + plain(max) + ", got " + value + ".");
        }
        return number;
    }

    /** An integer of at least {@code min}; a whole number written as {@code 100.0} is accepted. */
    @Nullable Integer integer(String name, int min) {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < min || value > Integer.MAX_VALUE) {
            throw RequestErrors.invalid(at(name), "Invalid '" + at(name) + "': expected an integer of at least "
                    + min + ", got " + value + ".");
        }
        return value.intValue();
    }

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
     * Rejects fields outside {@code known}, as the OpenAI API does for nested objects ("Additional properties are
     * not allowed"): silently ignoring them would hide a client's mistake or drop data it meant to send.
     */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw RequestErrors.invalid(at(name), "Unrecognized parameter: '" + at(name) + "'.");
            }
        }
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}

package dev.warden.api.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object of the request together with its dotted path, offering typed reads that fail with the
 * Anthropic-worded 400 naming the exact parameter. JSON {@code null} counts as absent for optional fields.
 */
record Fields(ObjectNode node, String path) {

    static Fields of(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return new Fields(object, path);
        }
        throw RequestErrors.wrongType(path, "a valid dictionary");
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
            throw RequestErrors.wrongType(at(name), "a valid string");
        }
        return value.textValue();
    }

    @Nullable String string(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw RequestErrors.wrongType(at(name), "a valid string");
        }
        return value.textValue();
    }

    @Nullable Boolean bool(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw RequestErrors.wrongType(at(name), "a valid boolean");
        }
        return value.booleanValue();
    }

    /** A number inside {@code [min, max]}, the bounds the Anthropic API itself enforces. */
    @Nullable Double number(String name, double min, double max) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw RequestErrors.wrongType(at(name), "a valid number");
        }
        double number = value.doubleValue();
        if (!(number >= min)) {
            throw RequestErrors.invalid(at(name), "Input should be greater than or equal to " + plain(min));
        }
        if (!(number <= max)) {
            throw RequestErrors.invalid(at(name), "Input should be less than or equal to " + plain(max));
        }
        return number;
    }

    /** An integer of at least {@code min}; a whole number written as {@code 100.0} is accepted, as pydantic does. */
    @Nullable Integer integer(String name, int min) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw RequestErrors.wrongType(at(name), "a valid integer");
        }
        int number = value.intValue();
        if (number < min) {
            throw RequestErrors.invalid(at(name), "Input should be greater than or equal to " + min);
        }
        return number;
    }

    @Nullable Fields object(String name) {
        JsonNode value = get(name);
        return value == null ? null : of(value, at(name));
    }

    Fields requiredObject(String name) {
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
        throw RequestErrors.wrongType(at(name), "a valid list");
    }

    ArrayNode requiredArray(String name) {
        ArrayNode array = array(name);
        if (array == null) {
            throw RequestErrors.missing(at(name));
        }
        return array;
    }

    /**
     * Rejects fields outside {@code known}, as the Anthropic API does ("Extra inputs are not permitted"): silently
     * ignoring them would hide a client's mistake or drop data it meant to send.
     */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw RequestErrors.extra(at(name));
            }
        }
    }

    /** A field the Anthropic API knows but Warden cannot honour yet: a 400 naming it, never a silent drop. */
    void rejectPresent(String name, String what) {
        if (get(name) != null) {
            throw RequestErrors.unsupported(at(name), what);
        }
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}

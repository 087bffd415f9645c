package dev.warden.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object of the request together with its path, offering typed reads that fail with a 400 naming the exact
 * parameter, worded by the dialect. JSON {@code null} counts as absent, as it does for all three upstream APIs.
 * Fields of a nested object are named {@code path.name}; array items are named by the dialect, which builds the
 * item's path in its own style and passes it to {@link #of}.
 */
public final class ObjectFields {
    private final ObjectNode node;
    private final String path;
    private final ErrorWording wording;

    private ObjectFields(ObjectNode node, String path, ErrorWording wording) {
        this.node = Objects.requireNonNull(node, "node");
        this.path = Objects.requireNonNull(path, "path");
        this.wording = Objects.requireNonNull(wording, "wording");
    }

    /** The object at {@code path}, or the dialect's wrong-type 400 when {@code node} is not an object. */
    public static ObjectFields of(ErrorWording wording, JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return new ObjectFields(object, path, wording);
        }
        throw wording.wrongType(path, JsonKind.OBJECT, node);
    }

    static ObjectFields root(ErrorWording wording, ObjectNode node) {
        return new ObjectFields(node, "", wording);
    }

    public ObjectNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    public String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The value, or null when the field is absent or JSON null. */
    public @Nullable JsonNode get(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public JsonNode required(String name) {
        JsonNode value = get(name);
        if (value == null) {
            throw wording.missing(at(name));
        }
        return value;
    }

    public String requiredString(String name) {
        return text(name, required(name));
    }

    public @Nullable String string(String name) {
        JsonNode value = get(name);
        return value == null ? null : text(name, value);
    }

    /** A string where absent and empty mean the same, as with Go's zero value in Ollama; null for both. */
    public @Nullable String nonEmptyString(String name) {
        String value = string(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public @Nullable Boolean bool(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wording.wrongType(at(name), JsonKind.BOOLEAN, value);
        }
        return value.booleanValue();
    }

    /** Any number; for parameters whose bounds the upstream API does not enforce. */
    public @Nullable Double number(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw wording.wrongType(at(name), JsonKind.NUMBER, value);
        }
        return value.doubleValue();
    }

    /** A number inside {@code [min, max]}; the bounds are the ones the upstream API itself enforces. */
    public @Nullable Double number(String name, double min, double max) {
        Double number = number(name);
        if (number != null && !(number >= min && number <= max)) {
            throw wording.outOfRange(at(name), min, max, node.get(name));
        }
        return number;
    }

    /** A whole number; {@code 40.0} is accepted, {@code 40.5} is not (it cannot be honoured exactly). */
    public @Nullable Long longValue(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw wording.wrongType(at(name), JsonKind.INTEGER, value);
        }
        return value.longValue();
    }

    /** An integer of at least {@code min} that fits an int; a whole number written as {@code 100.0} is accepted. */
    public @Nullable Integer integer(String name, int min) {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < min || value > Integer.MAX_VALUE) {
            throw wording.integerOutOfRange(at(name), min, value);
        }
        return value.intValue();
    }

    public @Nullable ObjectFields object(String name) {
        JsonNode value = get(name);
        return value == null ? null : of(wording, value, at(name));
    }

    public ObjectFields requiredObject(String name) {
        return of(wording, required(name), at(name));
    }

    public @Nullable ArrayNode array(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof ArrayNode array) {
            return array;
        }
        throw wording.wrongType(at(name), JsonKind.ARRAY, value);
    }

    /**
     * The items of an optional array of objects, each named in the dialect's path style; empty when absent. Items
     * are read as they are visited, so the first bad item in order is the one reported, as with a plain loop.
     */
    public List<ObjectFields> objects(String name) {
        ArrayNode array = array(name);
        if (array == null) {
            return List.of();
        }
        String arrayPath = at(name);
        return new AbstractList<>() {
            @Override
            public ObjectFields get(int index) {
                return of(wording, array.get(index), wording.item(arrayPath, index));
            }

            @Override
            public int size() {
                return array.size();
            }
        };
    }

    public ArrayNode requiredArray(String name) {
        ArrayNode array = array(name);
        if (array == null) {
            throw wording.missing(at(name));
        }
        return array;
    }

    /**
     * Rejects fields outside {@code known}: silently ignoring them would hide a client's mistake or drop data it
     * meant to send (the OpenAI and Anthropic APIs reject them too; Ollama's decoder would ignore them).
     */
    public void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw wording.unknownField(at(name));
            }
        }
    }

    /** A field the upstream API knows but Warden cannot honour yet: a 400 naming it, never a silent drop. */
    public void rejectPresent(String name, String what) {
        if (get(name) != null) {
            throw wording.unsupported(at(name), what);
        }
    }

    private String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw wording.wrongType(at(name), JsonKind.STRING, value);
        }
        return value.textValue();
    }
}

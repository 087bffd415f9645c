package dev.warden.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.identity.Limits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object request body, read field by field with the field named in every error: malformed JSON, a body
 * that is not an object, a field of the wrong type and an unknown field are 400s.
 */
final class JsonBody {
    private static final List<String> LIMIT_FIELDS = List.of("rpm", "tpm", "max_parallel", "budget_usd",
            "budget_window", "token_budget", "token_budget_window");

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /**
     * @param fields the fields this call accepts; any other is rejected, so a misspelt field is never ignored
     */
    static JsonBody parse(ObjectMapper mapper, AdminRequest request, Set<String> fields) {
        var object = object(mapper, request);
        for (var name : JsonBody.names(object)) {
            if (!fields.contains(name)) {
                throw AdminError.invalid(name, "Unknown field '" + name + "'. Known fields: "
                        + String.join(", ", fields.stream().sorted().toList()) + ".");
            }
        }
        return new JsonBody(object);
    }

    /** The body as a JSON object, for calls whose fields another reader checks (stored deployments). */
    static ObjectNode object(ObjectMapper mapper, AdminRequest request) {
        if (request.contentType() != null && !request.contentType().equals("application/json")
                && !request.contentType().endsWith("+json")) {
            throw new AdminException(new AdminError(AdminError.Kind.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type '"
                    + request.contentType() + "'. Send the request body as application/json.", null));
        }
        JsonNode tree;
        try {
            tree = request.body().length == 0 ? mapper.createObjectNode() : mapper.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw AdminError.invalid(null, "The request body is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed") + ".");
        } catch (java.io.IOException e) {
            throw AdminError.invalid(null, "The request body could not be read.");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw AdminError.invalid(null, "The request body must be a JSON object.");
        }
        return object;
    }

    /** Whether the field is present, even as null (PATCH: present means "change"). */
    boolean has(String field) {
        return node.has(field);
    }

    @Nullable String text(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return value.textValue();
    }

    String requiredText(String field) {
        var text = text(field);
        if (text == null || text.isBlank()) {
            throw AdminError.invalid(field, "The field '" + field + "' is required.");
        }
        return text.strip();
    }

    @Nullable Boolean bool(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return value.booleanValue();
    }

    /** A list of strings; absent or null is empty. */
    List<String> strings(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array of strings");
        }
        var items = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            var item = value.get(i);
            if (!item.isTextual()) {
                throw wrongType(field + "[" + i + "]", "a string");
            }
            items.add(item.textValue());
        }
        return items;
    }

    /** An object of string values; absent or null is empty. */
    Map<String, String> stringMap(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw wrongType(field, "an object of string values");
        }
        var map = new LinkedHashMap<String, String>();
        for (var entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw wrongType(field + "." + entry.getKey(), "a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    /** An array of objects, each handed over as its own body (for roles). */
    List<ObjectNode> objects(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array of objects");
        }
        var items = new ArrayList<ObjectNode>();
        for (int i = 0; i < value.size(); i++) {
            if (!(value.get(i) instanceof ObjectNode item)) {
                throw wrongType(field + "[" + i + "]", "an object");
            }
            items.add(item);
        }
        return items;
    }

    /**
     * {@code {rpm, tpm, max_parallel, budget_usd, budget_window, token_budget, token_budget_window}}; absent or null
     * is no limits.
     */
    Limits limits(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return Limits.NONE;
        }
        if (!(value instanceof ObjectNode limits)) {
            throw wrongType(field, "an object");
        }
        var body = new JsonBody(limits);
        for (var name : JsonBody.names(limits)) {
            if (!LIMIT_FIELDS.contains(name)) {
                throw AdminError.invalid(field + "." + name, "Unknown field '" + field + "." + name
                        + "'. Known fields: " + String.join(", ", LIMIT_FIELDS) + ".");
            }
        }
        var rpm = body.wholeNumber("rpm", field);
        var tpm = body.wholeNumber("tpm", field);
        var parallel = body.wholeNumber("max_parallel", field);
        var budget = body.decimal("budget_usd", field);
        var window = body.window("budget_window", field);
        var tokens = body.wholeNumber("token_budget", field, true);
        var tokenWindow = body.window("token_budget_window", field);
        return new Limits(rpm, tpm, parallel == null ? null : Math.toIntExact(parallel), budget, window, tokens,
                tokenWindow);
    }

    private @Nullable String window(String field, String parent) {
        var window = text(field);
        if (window != null && !BudgetWindows.valid(window)) {
            throw AdminError.unprocessable(parent + "." + field, "Invalid budget window '" + window
                    + "': use daily, weekly, monthly or a duration such as 7d.");
        }
        return window;
    }

    private @Nullable Long wholeNumber(String field, String parent) {
        return wholeNumber(field, parent, false);
    }

    /** @param wide the whole long range is allowed, not only int's (a token budget may be billions) */
    private @Nullable Long wholeNumber(String field, String parent, boolean wide) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !(wide ? value.canConvertToLong() : value.canConvertToInt())) {
            throw wrongType(parent + "." + field, "a whole number");
        }
        if (value.longValue() < 0) {
            throw AdminError.unprocessable(parent + "." + field, "'" + parent + "." + field
                    + "' must not be negative.");
        }
        return value.longValue();
    }

    private @Nullable BigDecimal decimal(String field, String parent) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(parent + "." + field, "a number");
        }
        if (value.decimalValue().signum() < 0) {
            throw AdminError.unprocessable(parent + "." + field, "'" + parent + "." + field
                    + "' must not be negative.");
        }
        return value.decimalValue();
    }

    /**
     * A price in US dollars per million tokens, as a JSON number or a decimal string ({@code "0.15"}, exact for
     * clients whose JSON numbers are doubles); zero or more. Absent or null is null.
     */
    @Nullable BigDecimal price(String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal price;
        if (value.isNumber()) {
            price = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                price = new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException notANumber) {
                throw wrongType(field, "a price in US dollars per million tokens, a number or a decimal string");
            }
        } else {
            throw wrongType(field, "a price in US dollars per million tokens, a number or a decimal string");
        }
        if (price.signum() < 0) {
            throw AdminError.invalid(field, "The field '" + field + "' must not be negative (a price of zero or"
                    + " more), got " + price.toPlainString() + ".");
        }
        return price;
    }

    static List<String> names(ObjectNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static AdminException wrongType(String field, String expected) {
        return AdminError.invalid(field, "The field '" + field + "' must be " + expected + ".");
    }
}

package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Checks a structured-output schema against the JSON Schema subset Gemini's {@code responseJsonSchema} documents.
 * Google's reference says the full JSON Schema "may be sent" but only the keywords below are supported; an
 * unsupported keyword would be ignored upstream, which would silently loosen the client's contract, so it is a 400
 * naming the keyword and where it sits. {@code $schema} and {@code $comment} are accepted: they constrain nothing.
 */
final class SchemaCheck {
    static final Set<String> KEYWORDS = Set.of("$id", "$defs", "$ref", "$anchor", "$schema", "$comment", "type",
            "format", "title", "description", "enum", "items", "prefixItems", "minItems", "maxItems", "minimum",
            "maximum", "anyOf", "oneOf", "properties", "additionalProperties", "required", "propertyOrdering");

    private SchemaCheck() {}

    /** @throws dev.warden.llm.ApiException 400 naming {@code param} and the JSON path of the first problem */
    static void check(JsonNode schema, String param) {
        if (!schema.isObject()) {
            throw Unsupported.invalid("The response JSON schema must be a JSON object.", param);
        }
        walk(schema, "#", param);
    }

    private static void walk(JsonNode schema, String path, String param) {
        if (schema.isBoolean()) {
            return; // true/false are schemas too (additionalProperties: false)
        }
        if (!schema.isObject()) {
            throw Unsupported.invalid("The response JSON schema has a non-schema value at " + path + ".", param);
        }
        for (var entry : schema.properties()) {
            var keyword = entry.getKey();
            var value = entry.getValue();
            var at = path + "/" + keyword;
            if (!KEYWORDS.contains(keyword)) {
                throw Unsupported.invalid("Gemini does not support the JSON Schema keyword '" + keyword + "' (at "
                        + at + ") in structured output.", param);
            }
            switch (keyword) {
                case "properties", "$defs" -> value.properties().forEach(
                        property -> walk(property.getValue(), at + "/" + property.getKey(), param));
                case "items", "additionalProperties" -> walk(value, at, param);
                case "prefixItems", "anyOf", "oneOf" -> {
                    for (int i = 0; i < value.size(); i++) {
                        walk(value.get(i), at + "/" + i, param);
                    }
                }
                case "enum" -> {
                    for (var option : value) {
                        if (!option.isTextual() && !option.isNumber()) {
                            throw Unsupported.invalid("Gemini supports enum values only for strings and numbers "
                                    + "(at " + at + ").", param);
                        }
                    }
                }
                default -> { }
            }
        }
    }
}

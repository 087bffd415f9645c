package dev.warden.api.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;

/**
 * The 400 answers of request decoding, worded like the Anthropic API's own validation messages ({@code
 * "<path>: <problem>"}, e.g. {@code "max_tokens: Field required"}) so that the SDKs and Claude Code show their users
 * familiar text. {@code path} is the dotted parameter path with numeric indexes, e.g. {@code messages.0.content};
 * it is also kept in {@link ApiError.InvalidRequest#param()} for logs.
 */
final class RequestErrors {
    private RequestErrors() {}

    static ApiException missing(String path) {
        return invalid(path, "Field required");
    }

    static ApiException wrongType(String path, String expected) {
        return invalid(path, "Input should be " + expected);
    }

    static ApiException extra(String path) {
        return invalid(path, "Extra inputs are not permitted");
    }

    static ApiException unsupported(String path, String what) {
        return invalid(path, what + " is not supported by this gateway yet");
    }

    static ApiException invalid(String path, String problem) {
        return new ApiException(ApiError.InvalidRequest.of(path + ": " + problem, path));
    }

    /** A union-tagged value whose tag is not one of {@code expected} (already quoted and comma-separated). */
    static ApiException badTag(String path, String tag, String expected) {
        return invalid(path, "Input tag '" + tag + "' found using 'type' does not match any of the expected tags: "
                + expected);
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
        };
    }
}

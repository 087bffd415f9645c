package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;

/**
 * The 400 answers of request decoding, worded like the OpenAI API's own so that clients and their users see
 * familiar messages. {@code path} is always the indexed parameter path, e.g. {@code messages[0].content}.
 */
final class RequestErrors {
    private RequestErrors() {}

    static ApiException missing(String path) {
        return invalid(path, "Missing required parameter: '" + path + "'.");
    }

    static ApiException wrongType(String path, String expected, JsonNode got) {
        return invalid(path, "Invalid type for '" + path + "': expected " + expected + ", got " + describe(got) + ".");
    }

    static ApiException unsupported(String path, String what) {
        return invalid(path, what + " is not supported yet ('" + path + "').");
    }

    static ApiException invalid(String path, String message) {
        return new ApiException(ApiError.InvalidRequest.of(message, path));
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
        };
    }
}

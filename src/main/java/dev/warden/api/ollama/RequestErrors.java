package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;

/**
 * The 400 answers of request decoding. Ollama's own messages are short lower-case sentences ("model is required");
 * these follow that tone and always start with, or name, the offending field path (e.g. {@code messages[0].images[1]})
 * so that the one {@code "error"} string Ollama clients show is enough to find the mistake.
 */
final class RequestErrors {
    private RequestErrors() {}

    static ApiException missing(String path) {
        return invalid(path, path + " is required");
    }

    static ApiException wrongType(String path, String expected, JsonNode got) {
        return invalid(path, path + ": expected " + expected + ", got " + describe(got));
    }

    static ApiException unsupported(String path, String why) {
        return invalid(path, path + " is not supported: " + why);
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

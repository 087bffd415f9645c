package dev.warden.api.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ErrorWording;
import dev.warden.api.wire.JsonKind;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;

/**
 * The 400 answers of request decoding, worded like the Anthropic API's own validation messages ({@code
 * "<path>: <problem>"}, e.g. {@code "max_tokens: Field required"}) so that the SDKs and Claude Code show their users
 * familiar text. {@code path} is the dotted parameter path with numeric indexes, e.g. {@code messages.0.content};
 * it is also kept in {@link ApiError.InvalidRequest#param()} for logs.
 */
final class RequestErrors {
    /** The same wording for the shared readers of {@code dev.warden.api.wire}. Stateless. */
    static final ErrorWording WORDING = new ErrorWording() {
        @Override
        public String item(String arrayPath, int index) {
            return arrayPath + "." + index;
        }

        @Override
        public ApiException missing(String path) {
            return RequestErrors.missing(path);
        }

        /** Pydantic's names for the JSON types, as the Anthropic API reports them. */
        @Override
        public ApiException wrongType(String path, JsonKind expected, JsonNode got) {
            return RequestErrors.wrongType(path, switch (expected) {
                case STRING -> "a valid string";
                case BOOLEAN -> "a valid boolean";
                case NUMBER -> "a valid number";
                case INTEGER -> "a valid integer";
                case ARRAY -> "a valid list";
                case OBJECT -> "a valid dictionary";
            });
        }

        @Override
        public ApiException unknownField(String path) {
            return extra(path);
        }

        @Override
        public ApiException unsupported(String path, String what) {
            return RequestErrors.unsupported(path, what);
        }

        @Override
        public ApiException outOfRange(String path, double min, double max, JsonNode got) {
            return got.doubleValue() >= min
                    ? invalid(path, "Input should be less than or equal to " + ErrorWording.plain(max))
                    : invalid(path, "Input should be greater than or equal to " + ErrorWording.plain(min));
        }

        /** Beyond the int range pydantic reports a type error, not a bound. */
        @Override
        public ApiException integerOutOfRange(String path, int min, long got) {
            return got < Integer.MIN_VALUE || got > Integer.MAX_VALUE
                    ? RequestErrors.wrongType(path, "a valid integer")
                    : invalid(path, "Input should be greater than or equal to " + min);
        }

        @Override
        public ApiException malformedBody(String clause, boolean endsSentence) {
            return new ApiException(ApiError.InvalidRequest.of(ErrorWording.sentence(clause, endsSentence), null));
        }

        @Override
        public String describe(JsonNode node) {
            return node.isArray() ? "a list" : ErrorWording.super.describe(node);
        }
    };

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
}

package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ErrorWording;
import dev.warden.api.wire.JsonKind;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;

/**
 * The 400 answers of request decoding, worded like the OpenAI API's own so that clients and their users see
 * familiar messages. {@code path} is always the indexed parameter path, e.g. {@code messages[0].content}.
 */
final class RequestErrors {
    /** The same wording for the shared readers of {@code dev.warden.api.wire}. Stateless. */
    static final ErrorWording WORDING = new ErrorWording() {
        @Override
        public ApiException missing(String path) {
            return RequestErrors.missing(path);
        }

        @Override
        public ApiException wrongType(String path, JsonKind expected, JsonNode got) {
            return RequestErrors.wrongType(path, expected.noun(), got);
        }

        @Override
        public ApiException unknownField(String path) {
            return invalid(path, "Unrecognized parameter: '" + path + "'.");
        }

        @Override
        public ApiException unsupported(String path, String what) {
            return RequestErrors.unsupported(path, what);
        }

        @Override
        public ApiException outOfRange(String path, double min, double max, JsonNode got) {
            return invalid(path, "Invalid '" + path + "': expected a value between " + ErrorWording.plain(min)
                    + " and " + ErrorWording.plain(max) + ", got " + got + ".");
        }

        @Override
        public ApiException integerOutOfRange(String path, int min, long got) {
            return invalid(path, "Invalid '" + path + "': expected an integer of at least " + min + ", got " + got
                    + ".");
        }

        @Override
        public ApiException malformedBody(String clause, boolean endsSentence) {
            return new ApiException(ApiError.InvalidRequest.of(ErrorWording.sentence(clause, endsSentence), null));
        }
    };

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
        return WORDING.describe(node);
    }
}

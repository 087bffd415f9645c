package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ErrorWording;
import dev.warden.api.wire.JsonKind;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;

/**
 * The 400 answers of request decoding. Ollama's own messages are short lower-case sentences ("model is required");
 * these follow that tone and always start with, or name, the offending field path (e.g. {@code messages[0].images[1]})
 * so that the one {@code "error"} string Ollama clients show is enough to find the mistake.
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

        /**
         * Ollama's Go decoder ignores unknown fields, but inside a message an unknown field is almost always data
         * the client meant to send (an OpenAI-style field, a typo); dropping it silently would change the
         * conversation, so it is a 400 instead.
         */
        @Override
        public ApiException unknownField(String path) {
            return invalid(path, path + ": unknown field");
        }

        @Override
        public ApiException unsupported(String path, String why) {
            return RequestErrors.unsupported(path, why);
        }

        @Override
        public ApiException outOfRange(String path, double min, double max, JsonNode got) {
            return invalid(path, path + ": expected a number between " + ErrorWording.plain(min) + " and "
                    + ErrorWording.plain(max) + ", got " + got);
        }

        @Override
        public ApiException integerOutOfRange(String path, int min, long got) {
            return invalid(path, path + ": expected an integer of at least " + min + ", got " + got);
        }

        @Override
        public ApiException malformedBody(String clause, boolean endsSentence) {
            return new ApiException(ApiError.InvalidRequest.of(clause, null));
        }
    };

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
        return WORDING.describe(node);
    }
}

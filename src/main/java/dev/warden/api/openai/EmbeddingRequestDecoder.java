package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** POST /v1/embeddings: wire JSON to {@link EmbeddingRequest}. Unmodelled fields go to extra. */
final class EmbeddingRequestDecoder {
    private EmbeddingRequestDecoder() {}

    static final Set<String> KNOWN = Set.of("model", "input", "encoding_format", "dimensions", "user");

    static EmbeddingRequest decode(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, KNOWN);
        ObjectFields f = request.fields();
        String model = ChatRequestDecoder.model(f);
        JsonNode input = f.required("input");
        String format = f.string("encoding_format");
        if (format != null && !format.equals("float") && !format.equals("base64")) {
            throw RequestErrors.invalid("encoding_format", "Invalid value for 'encoding_format': '" + format
                    + "'. Supported values are: 'float' and 'base64'.");
        }
        Integer dimensions = f.integer("dimensions", 1);
        String user = f.string("user");
        if (isTokens(input)) {
            // Token ids are model specific; they are kept as sent and only upstreams that accept them get them.
            return new EmbeddingRequest(model, List.of(), RawJson.of(input.toString()), format, dimensions, user,
                    request.extra());
        }
        return new EmbeddingRequest(model, texts(input), null, format, dimensions, user, request.extra());
    }

    private static List<String> texts(JsonNode input) {
        if (input.isTextual()) {
            return List.of(nonEmpty(input, "input"));
        }
        if (!input.isArray()) {
            throw RequestErrors.wrongType("input", "a string or an array of strings or token arrays", input);
        }
        if (input.isEmpty()) {
            throw RequestErrors.invalid("input", "Invalid 'input': empty array. Expected at least one input.");
        }
        var texts = new ArrayList<String>(input.size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            if (!item.isTextual()) {
                throw RequestErrors.wrongType("input[" + i + "]", "a string", item);
            }
            texts.add(nonEmpty(item, "input[" + i + "]"));
        }
        return texts;
    }

    /** An array of integers, or a non-empty array of non-empty integer arrays. */
    private static boolean isTokens(JsonNode input) {
        if (!input.isArray() || input.isEmpty()) {
            return false;
        }
        if (input.get(0).isIntegralNumber()) {
            checkInts(input, "input");
            return true;
        }
        if (!input.get(0).isArray()) {
            return false;
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String path = "input[" + i + "]";
            if (!item.isArray()) {
                throw RequestErrors.wrongType(path, "an array of token ids", item);
            }
            if (item.isEmpty()) {
                throw RequestErrors.invalid(path, "Invalid '" + path + "': empty token array.");
            }
            checkInts(item, path);
        }
        return true;
    }

    private static void checkInts(JsonNode array, String path) {
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isIntegralNumber()) {
                throw RequestErrors.wrongType(path + "[" + i + "]", "an integer token id", array.get(i));
            }
        }
    }

    private static String nonEmpty(JsonNode text, String path) {
        if (text.textValue().isEmpty()) {
            throw RequestErrors.invalid(path, "Invalid '" + path + "': empty string. Expected a non-empty input.");
        }
        return text.textValue();
    }
}

package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.RawJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /api/embed ({@code input}: a string or an array of strings) and the legacy POST /api/embeddings
 * ({@code prompt}: one string). {@code truncate}, {@code keep_alive} and every other unmodelled field go to
 * {@code extra} verbatim; {@code options} has no embedding meaning outside Ollama, so all of it goes there too, under
 * {@code "options"}.
 *
 * <p>Ollama answers an empty input by loading the model and returning no vectors; a gateway has nothing to load, so
 * an empty input is a 400 instead.
 */
final class EmbedRequestDecoder {
    private EmbedRequestDecoder() {}

    static final Set<String> KNOWN = Set.of("model", "input", "dimensions", "options");
    static final Set<String> LEGACY_KNOWN = Set.of("model", "prompt", "options");

    static EmbeddingRequest decode(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, KNOWN);
        ObjectFields f = request.fields();
        String model = ChatRequestDecoder.model(f);
        List<String> inputs = inputs(f.required("input"));
        Integer dimensions = f.integer("dimensions", 1);
        return new EmbeddingRequest(model, inputs, null, null, dimensions, null, withOptions(f, request.extra()),
                OllamaCodec.DIALECT);
    }

    static EmbeddingRequest decodeLegacy(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, LEGACY_KNOWN);
        ObjectFields f = request.fields();
        String model = ChatRequestDecoder.model(f);
        String prompt = f.requiredString("prompt");
        if (prompt.isEmpty()) {
            throw RequestErrors.invalid("prompt", "prompt: must not be empty");
        }
        return new EmbeddingRequest(model, List.of(prompt), null, null, null, null,
                withOptions(f, request.extra()), OllamaCodec.DIALECT);
    }

    private static List<String> inputs(JsonNode input) {
        if (input.isTextual()) {
            return List.of(nonEmpty(input, "input"));
        }
        if (!input.isArray()) {
            throw RequestErrors.wrongType("input", "a string or an array of strings", input);
        }
        if (input.isEmpty()) {
            throw RequestErrors.invalid("input", "input: must not be empty");
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

    private static String nonEmpty(JsonNode text, String path) {
        if (text.textValue().isEmpty()) {
            throw RequestErrors.invalid(path, path + ": must not be empty");
        }
        return text.textValue();
    }

    private static Map<String, RawJson> withOptions(ObjectFields f, Map<String, RawJson> extra) {
        ObjectFields options = f.object("options");
        if (options == null || options.node().isEmpty()) {
            return extra;
        }
        var merged = new LinkedHashMap<>(extra);
        merged.put(OptionsDecoder.EXTRA_KEY, RawJson.of(options.node().toString()));
        return merged;
    }
}

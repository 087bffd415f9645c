package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.RawJson;
import dev.warden.llm.Sampling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ollama's {@code options} object. The options every upstream understands become {@link Sampling}; every other
 * option ({@code num_ctx}, {@code repeat_penalty}, {@code mirostat}, {@code min_p}...) is Ollama runtime tuning with
 * no equivalent elsewhere, so it is kept verbatim in {@code extra} under {@value #EXTRA_KEY}, where an Ollama
 * upstream merges it back into its own {@code options}.
 */
final class OptionsDecoder {
    private OptionsDecoder() {}

    /** The {@code extra} key holding the options Warden does not model, as an object. */
    static final String EXTRA_KEY = "options";

    static final Set<String> MODELLED = Set.of("temperature", "top_p", "top_k", "num_predict", "stop", "seed",
            "presence_penalty", "frequency_penalty");

    record Decoded(Sampling sampling, Map<String, RawJson> extra) {}

    /** @param extra the request's pass-through fields, to which the unmodelled options are added */
    static Decoded decode(ObjectFields request, Map<String, RawJson> extra) {
        ObjectFields options = request.object("options");
        if (options == null) {
            return new Decoded(Sampling.DEFAULTS, extra);
        }
        var sampling = new Sampling(
                options.number("temperature"),
                options.number("top_p"),
                maxTokens(options),
                stop(options),
                options.longValue("seed"),
                options.number("presence_penalty"),
                options.number("frequency_penalty"),
                null,
                options.integer("top_k", 0));
        ObjectNode rest = options.node().deepCopy();
        rest.remove(MODELLED);
        if (rest.isEmpty()) {
            return new Decoded(sampling, extra);
        }
        var merged = new LinkedHashMap<>(extra);
        merged.put(EXTRA_KEY, RawJson.of(rest.toString()));
        return new Decoded(sampling, merged);
    }

    /** Ollama's {@code -1} (no limit) and {@code -2} (fill the context) both mean "no limit Warden sets". */
    private static @Nullable Integer maxTokens(ObjectFields options) {
        Long value = options.longValue("num_predict");
        if (value == null || value == -1 || value == -2) {
            return null;
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw RequestErrors.invalid(options.at("num_predict"), options.at("num_predict")
                    + ": expected a positive integer, or -1 or -2 for no limit, got " + value);
        }
        return value.intValue();
    }

    /** Ollama takes an array of strings only ("option stop must be of type array"); a bare string is refused too. */
    private static List<String> stop(ObjectFields options) {
        ArrayNode array = options.array("stop");
        if (array == null) {
            return List.of();
        }
        var stops = new ArrayList<String>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw RequestErrors.wrongType(options.at("stop") + "[" + i + "]", "a string", item);
            }
            stops.add(item.textValue());
        }
        return stops;
    }
}

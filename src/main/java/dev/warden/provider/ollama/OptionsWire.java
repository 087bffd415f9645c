package dev.warden.provider.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.RawJson;
import dev.warden.llm.Sampling;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds Ollama's {@code options} object from three layers: the deployment's defaults, then the request's own
 * {@code options} pass-through, then the modeled sampling parameters. A key given both as a modeled parameter and in
 * the pass-through {@code options} is a contradiction the client must resolve: it is refused, never picked silently.
 */
final class OptionsWire {
    private OptionsWire() {}

    /** The merged options, keys sorted so the body is deterministic; empty when nothing was set. */
    static Map<String, String> merge(Sampling sampling, Map<String, RawJson> defaults, @Nullable RawJson extra) {
        if (sampling.n() != null && sampling.n() > 1) {
            throw invalid("Ollama returns one choice per request; 'n' greater than 1 is not supported.", "n");
        }
        var options = new TreeMap<String, String>();
        defaults.forEach((key, value) -> options.put(key, value.json()));
        var fromRequest = new TreeMap<String, String>();
        if (extra != null) {
            JsonNode node;
            try {
                node = ProviderJson.read(extra.json());
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw invalid("'options' must be a JSON object of Ollama model options.", "options");
            }
            node.properties().forEach(e -> fromRequest.put(e.getKey(), e.getValue().toString()));
            options.putAll(fromRequest);
        }
        var modeled = new TreeMap<String, String>();
        put(modeled, "temperature", sampling.temperature());
        put(modeled, "top_p", sampling.topP());
        put(modeled, "top_k", sampling.topK());
        put(modeled, "num_predict", sampling.maxTokens());
        put(modeled, "seed", sampling.seed());
        put(modeled, "presence_penalty", sampling.presencePenalty());
        put(modeled, "frequency_penalty", sampling.frequencyPenalty());
        if (!sampling.stop().isEmpty()) {
            modeled.put("stop", ProviderJson.tree(sampling.stop()).toString());
        }
        for (var entry : modeled.entrySet()) {
            if (fromRequest.containsKey(entry.getKey())) {
                throw invalid("'options." + entry.getKey() + "' contradicts a parameter the request also sets; "
                        + "give it once.", "options." + entry.getKey());
            }
            options.put(entry.getKey(), entry.getValue());
        }
        return options;
    }

    static void write(JsonGenerator gen, Map<String, String> options) throws IOException {
        if (options.isEmpty()) {
            return;
        }
        gen.writeObjectFieldStart("options");
        for (var entry : options.entrySet()) {
            gen.writeFieldName(entry.getKey());
            gen.writeRawValue(entry.getValue());
        }
        gen.writeEndObject();
    }

    private static void put(Map<String, String> options, String key, @Nullable Number value) {
        if (value != null) {
            options.put(key, value.toString());
        }
    }

    static ApiException invalid(String message, String param) {
        return new ApiException(ApiError.InvalidRequest.of(message, param));
    }
}

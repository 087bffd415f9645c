package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import dev.warden.llm.ApiException;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.Sampling;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Embeddings through {@code /api/embed}: {@code input} is one string or a list, {@code dimensions} cuts the vectors.
 * Ollama always answers floats; a client that asked for base64 gets them encoded by its own dialect writer, so the
 * encoding format needs nothing here. Token inputs are refused: Ollama embeds text only.
 */
final class EmbedWire {
    private EmbedWire() {}

    /** @throws ApiException 400 for token inputs or a pass-through field Ollama does not know */
    static byte[] toWire(EmbeddingRequest request, OllamaSettings settings, UnsupportedParams unsupported) {
        Extras.check(request.extra(), Extras.EMBED, unsupported);
        if (request.tokenInputs() != null) {
            throw OptionsWire.invalid("Ollama embeds text only; token arrays are not supported as 'input'.",
                    "input");
        }
        if (request.user() != null) {
            unsupported.notes().droppedParam("user");
        }
        var options = new TreeMap<String, String>();
        settings.defaultOptions().forEach((key, value) -> options.put(key, value.json()));
        var extraOptions = request.extra().get("options");
        if (extraOptions != null) {
            options.putAll(OptionsWire.merge(Sampling.DEFAULTS, Map.of(), extraOptions));
        }
        var keepAlive = Extras.keepAlive(request.extra(), settings);
        var truncate = request.extra().get("truncate");
        return ProviderJson.write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("model", request.model());
            var inputs = request.inputs();
            if (inputs.size() == 1) {
                gen.writeStringField("input", inputs.getFirst());
            } else {
                gen.writeArrayFieldStart("input");
                for (var input : inputs) {
                    gen.writeString(input);
                }
                gen.writeEndArray();
            }
            if (request.dimensions() != null) {
                gen.writeNumberField("dimensions", request.dimensions());
            }
            if (truncate != null) {
                gen.writeFieldName("truncate");
                gen.writeRawValue(truncate.json());
            }
            OptionsWire.write(gen, options);
            if (keepAlive != null) {
                gen.writeFieldName("keep_alive");
                gen.writeRawValue(keepAlive.json());
            }
            gen.writeEndObject();
        });
    }

    /** {@code {model, embeddings: [[...]], prompt_eval_count}}; usage counts prompt tokens only. */
    static EmbeddingResponse fromWire(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        var embeddings = root == null ? null : root.get("embeddings");
        if (embeddings == null || !embeddings.isArray()) {
            throw new IOException("embed answer without embeddings");
        }
        var data = new ArrayList<Embedding>(embeddings.size());
        for (var item : embeddings) {
            if (!item.isArray()) {
                throw new IOException("embedding is not an array");
            }
            var vector = new float[item.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) item.get(i).asDouble();
            }
            data.add(new Embedding(data.size(), vector));
        }
        return new EmbeddingResponse(ProviderJson.text(root, "model", ""), data,
                Usage.of(ProviderJson.longValue(root, "prompt_eval_count"), 0));
    }
}

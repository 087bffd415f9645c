package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.Usage;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Embeddings: {@code embedContent} for one input, {@code batchEmbedContents} for several (Generative Language API).
 * Pure.
 *
 * <p>Usage: the Generative Language API reports no token counts for embeddings, so usage is estimated as
 * ceil(characters / 4) per input and marked {@code estimated}; where the upstream does report
 * {@code usageMetadata.promptTokenCount} (Vertex AI's embedContent) that count is used instead.
 */
final class EmbeddingWire {
    /** EmbedContentRequest fields a client may pass through as extras. */
    static final Set<String> EXTRAS = Set.of("taskType", "title");

    private EmbeddingWire() {}

    /** Refuses what Gemini embeddings cannot honour before anything is sent. */
    static void check(EmbeddingRequest request, Unsupported unsupported) {
        if (request.tokenInputs() != null) {
            throw Unsupported.invalid("Gemini embeds text only; token-array inputs are not supported.", "input");
        }
        if (request.inputs().isEmpty()) {
            throw Unsupported.invalid("At least one input is required.", "input");
        }
        if (request.user() != null) {
            unsupported.param("user", "Gemini has no end-user identifier");
        }
        for (var name : new TreeMap<>(request.extra()).keySet()) {
            if (!EXTRAS.contains(name)) {
                unsupported.param(name, "it is not a Gemini embedding field Warden forwards (taskType, title)");
            }
        }
    }

    /** One {@code EmbedContentRequest}; {@code resourceName} is set only inside a batch. */
    static ObjectNode request(EmbeddingRequest request, String input, String resourceName) {
        var body = ProviderJson.NODES.objectNode();
        if (!resourceName.isEmpty()) {
            body.put("model", resourceName);
        }
        body.putObject("content").putArray("parts").addObject().put("text", input);
        if (request.dimensions() != null) {
            body.put("outputDimensionality", request.dimensions());
        }
        for (var extra : new TreeMap<>(request.extra()).entrySet()) {
            if (EXTRAS.contains(extra.getKey())) {
                try {
                    body.set(extra.getKey(), ProviderJson.read(extra.getValue().json()));
                } catch (IOException e) {
                    throw Unsupported.invalid("The value of '" + extra.getKey() + "' is not valid JSON.",
                            extra.getKey());
                }
            }
        }
        return body;
    }

    static byte[] single(EmbeddingRequest request, String input) {
        var body = request(request, input, "");
        return ProviderJson.write(body);
    }

    static byte[] batch(EmbeddingRequest request, String resourceName) {
        var body = ProviderJson.NODES.objectNode();
        var requests = body.putArray("requests");
        for (var input : request.inputs()) {
            requests.add(request(request, input, resourceName));
        }
        return ProviderJson.write(body);
    }

    /** One vector and, when reported, its prompt token count (-1 when not). */
    record Single(float[] vector, long promptTokens) {}

    static Single fromSingle(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        var usage = root.path("usageMetadata").path("promptTokenCount");
        return new Single(vector(root.path("embedding")), usage.isNumber() ? usage.asLong() : -1);
    }

    static List<float[]> fromBatch(byte[] body, int expected) throws IOException {
        var embeddings = ProviderJson.read(body).path("embeddings");
        if (!embeddings.isArray() || embeddings.size() != expected) {
            throw new IOException("batchEmbedContents answered " + embeddings.size() + " embeddings for "
                    + expected + " inputs");
        }
        var vectors = new ArrayList<float[]>(expected);
        for (var embedding : embeddings) {
            vectors.add(vector(embedding));
        }
        return vectors;
    }

    private static float[] vector(JsonNode embedding) throws IOException {
        var values = embedding.path("values");
        if (!values.isArray()) {
            throw new IOException("embedding without values");
        }
        var vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return vector;
    }

    /** ceil(characters / 4) per input: the rule of thumb Google documents for Gemini tokens. */
    static Usage estimate(List<String> inputs) {
        long tokens = 0;
        for (var input : inputs) {
            tokens += (input.length() + 3) / 4;
        }
        return new Usage(tokens, 0, 0, 0, true);
    }
}

package dev.warden.provider.bedrock;

import dev.warden.provider.UnsupportedParams;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.RawJson;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Canonical embeddings ↔ InvokeModel bodies of the two embedding families Bedrock serves. Pure.
 *
 * <ul>
 *   <li>{@code cohere.embed-*}: {@code {texts, input_type}} → {@code {embeddings: [[...]]}} (or, when the client
 *       asked for {@code embedding_types}, {@code {embeddings: {float: [[...]]}}}). {@code input_type} defaults to
 *       {@code search_document} (what an OpenAI-style client embedding a corpus means); clients may pass
 *       {@code input_type}, {@code truncate} and {@code embedding_types} (only {@code float} is read back). Cohere
 *       takes at most {@link #COHERE_BATCH} texts per call, so longer inputs are split into sequential calls.
 *       Its body reports no tokens; Bedrock's {@code x-amzn-bedrock-input-token-count} header does.</li>
 *   <li>{@code amazon.titan-embed-text-*}: one {@code {inputText, dimensions?, normalize?}} per input, one call
 *       each, in order → {@code {embedding, inputTextTokenCount}}; the counts are summed.</li>
 * </ul>
 * Any other model id is a 400: Bedrock's other models have other bodies, and guessing one is worse than saying so.
 */
final class EmbeddingWire {
    static final int COHERE_BATCH = 96;
    private static final Set<String> COHERE_EXTRA = Set.of("input_type", "truncate", "embedding_types");
    private static final Set<String> TITAN_EXTRA = Set.of("normalize");

    enum Family { COHERE, TITAN }

    private EmbeddingWire() {}

    static Family family(String modelId) {
        // Inference profiles and ARNs carry the model id after a region prefix or a slash.
        var id = modelId.substring(modelId.lastIndexOf('/') + 1);
        if (id.startsWith("cohere.embed-") || id.matches("[a-z]{2,4}\\.cohere\\.embed-.*")) {
            return Family.COHERE;
        }
        if (id.startsWith("amazon.titan-embed-text-") || id.matches("[a-z]{2,4}\\.amazon\\.titan-embed-text-.*")) {
            return Family.TITAN;
        }
        throw MessagesWire.invalid("AWS Bedrock embeddings are supported for cohere.embed-* and "
                + "amazon.titan-embed-text-* models, not '" + modelId + "'.", "model");
    }

    /**
     * Checks what neither family can take, before any call is made. Foreign extra fields are a 400, or dropped and
     * reported under {@code drop_unsupported_params}; {@code user} (no field in either body, no effect on the
     * vectors) is always dropped and reported; Cohere's missing {@code dimensions} stays a 400, since dropping it
     * would return vectors of another size than asked.
     *
     * @return the request to send: the same, less any dropped extra fields
     */
    static EmbeddingRequest validate(EmbeddingRequest request, Family family, UnsupportedParams unsupported) {
        if (request.tokenInputs() != null) {
            throw MessagesWire.invalid("AWS Bedrock embeddings take text inputs, not token arrays.", "input");
        }
        if (request.inputs().isEmpty()) {
            throw MessagesWire.invalid("input must not be empty.", "input");
        }
        if (family == Family.COHERE && request.dimensions() != null) {
            throw MessagesWire.invalid("Cohere embeddings on AWS Bedrock do not support dimensions.", "dimensions");
        }
        var unknown = new TreeSet<>(request.extra().keySet());
        unknown.removeAll(family == Family.COHERE ? COHERE_EXTRA : TITAN_EXTRA);
        for (var name : unknown) {
            unsupported.param(name, () -> MessagesWire.invalid("AWS Bedrock "
                    + (family == Family.COHERE ? "Cohere" : "Titan") + " embeddings do not support "
                    + String.join(", ", unknown) + ".", unknown.first()));
        }
        if (request.user() != null) {
            unsupported.notes().droppedParam("user");
        }
        if (unknown.isEmpty()) {
            return request;
        }
        var kept = new HashMap<>(request.extra());
        kept.keySet().removeAll(unknown);
        return new EmbeddingRequest(request.model(), request.inputs(), request.tokenInputs(),
                request.encodingFormat(), request.dimensions(), request.user(), kept, request.extraDialect());
    }

    static byte[] cohereRequest(List<String> texts, EmbeddingRequest request) {
        return ProviderJson.write(gen -> {
            gen.writeStartObject();
            gen.writeArrayFieldStart("texts");
            for (var text : texts) {
                gen.writeString(text);
            }
            gen.writeEndArray();
            if (!request.extra().containsKey("input_type")) {
                gen.writeStringField("input_type", "search_document");
            }
            for (var entry : request.extra().entrySet()) {
                gen.writeFieldName(entry.getKey());
                gen.writeRawValue(entry.getValue().json());
            }
            gen.writeEndObject();
        });
    }

    static List<float[]> cohereResponse(byte[] body) throws IOException {
        var embeddings = ProviderJson.read(body).path("embeddings");
        if (embeddings.isObject()) {
            embeddings = embeddings.path("float");
        }
        if (!embeddings.isArray()) {
            throw new IOException("no float embeddings in the Cohere answer");
        }
        var out = new ArrayList<float[]>(embeddings.size());
        for (var vector : embeddings) {
            out.add(vector(vector));
        }
        return out;
    }

    static byte[] titanRequest(String text, EmbeddingRequest request) {
        return ProviderJson.write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("inputText", text);
            if (request.dimensions() != null) {
                gen.writeNumberField("dimensions", request.dimensions());
            }
            RawJson normalize = request.extra().get("normalize");
            if (normalize != null) {
                gen.writeFieldName("normalize");
                gen.writeRawValue(normalize.json());
            }
            gen.writeEndObject();
        });
    }

    record TitanEmbedding(float[] vector, long tokens) {}

    static TitanEmbedding titanResponse(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        return new TitanEmbedding(vector(root.path("embedding")), ProviderJson.longValue(root, "inputTextTokenCount"));
    }

    private static float[] vector(JsonNode array) throws IOException {
        if (!array.isArray() || array.isEmpty()) {
            throw new IOException("an embedding is not a non-empty array");
        }
        var out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            var value = array.get(i);
            if (!value.isNumber()) {
                throw new IOException("an embedding holds a non-number");
            }
            out[i] = value.floatValue();
        }
        return out;
    }
}

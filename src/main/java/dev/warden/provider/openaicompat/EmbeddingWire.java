package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;

/** Embeddings: canonical request → body, {@code list} of embeddings → canonical response. */
final class EmbeddingWire {
    private EmbeddingWire() {}

    /**
     * Asks for floats unless the client asked for base64 (then base64 travels end to end, which is smaller); the
     * decoder reads either, so the client's format is the dialect writer's concern.
     */
    static byte[] toWire(EmbeddingRequest request, CallNotes notes) {
        return toWire(request, notes, false);
    }

    static byte[] toWire(EmbeddingRequest request, CallNotes notes, boolean dropForeign) {
        return ProviderJson.write(gen -> {
            var params = ParamWriter.plain(gen, notes);
            gen.writeStartObject();
            params.string("model", request.model());
            if (request.tokenInputs() != null) {
                params.raw("input", request.tokenInputs());
            } else {
                var inputs = request.inputs();
                params.object("input", g -> {
                    if (inputs.size() == 1) {
                        g.writeString(inputs.getFirst());
                    } else {
                        g.writeStartArray();
                        for (var input : inputs) {
                            g.writeString(input);
                        }
                        g.writeEndArray();
                    }
                });
            }
            params.string("encoding_format", "base64".equals(request.encodingFormat()) ? "base64" : "float");
            if (request.dimensions() != null) {
                params.number("dimensions", request.dimensions().longValue());
            }
            if (request.user() != null) {
                params.string("user", request.user());
            }
            params.extras(request.extra(), request.extraDialect(), dropForeign);
            gen.writeEndObject();
        });
    }

    /** Usage is {@link Usage#ZERO} when the upstream reported none. */
    static EmbeddingResponse fromWire(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        var dataNode = root.path("data");
        if (!dataNode.isArray()) {
            throw new IOException("embedding list without data");
        }
        var data = new ArrayList<Embedding>(dataNode.size());
        for (var item : dataNode) {
            data.add(new Embedding(item.path("index").asInt(data.size()), vector(item.path("embedding"))));
        }
        var usage = UsageWire.fromWire(root.get("usage"));
        return new EmbeddingResponse(ChatResponseWire.textOr(root, "model", ""), data,
                usage == null ? Usage.ZERO : usage);
    }

    private static float[] vector(JsonNode embedding) throws IOException {
        if (embedding.isArray()) {
            var vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            return vector;
        }
        if (embedding.isTextual()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(embedding.asText());
            } catch (IllegalArgumentException e) {
                throw new IOException("embedding is not valid base64", e);
            }
            if (bytes.length % Float.BYTES != 0) {
                throw new IOException("base64 embedding is not a whole number of float32 values");
            }
            var floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            var vector = new float[floats.remaining()];
            floats.get(vector);
            return vector;
        }
        throw new IOException("embedding is neither an array nor a base64 string");
    }
}

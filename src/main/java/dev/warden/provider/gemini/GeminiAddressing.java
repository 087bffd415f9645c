package dev.warden.provider.gemini;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.provider.Endpoint;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a call goes and how it is authenticated, per flavor. The Generative Language key travels in the
 * {@code x-goog-api-key} header and never in the {@code ?key=} query, because URLs end up in access logs and
 * proxies; Vertex takes an OAuth access token as a bearer credential.
 */
record GeminiAddressing(GeminiSettings settings) {

    enum Method {
        GENERATE("generateContent"),
        STREAM("streamGenerateContent"),
        EMBED("embedContent"),
        BATCH_EMBED("batchEmbedContents");

        final String wire;

        Method(String wire) {
            this.wire = wire;
        }
    }

    /** Model ids are path segments; anything else could redirect the call, so it is refused. */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    URI uri(Endpoint endpoint, Method method, String model) {
        var id = modelId(model);
        var path = switch (settings.flavor()) {
            case GENERATIVE_LANGUAGE -> "/v1beta/models/" + id;
            case VERTEX -> "/v1/projects/" + settings.project() + "/locations/" + settings.location()
                    + "/publishers/google/models/" + id;
        };
        var query = method == Method.STREAM ? "?alt=sse" : "";
        return endpoint.resolve(path + ":" + method.wire + query);
    }

    /** The {@code model} field batchEmbedContents wants in each of its requests. */
    String resourceName(String model) {
        return "models/" + modelId(model);
    }

    Map<String, String> authHeaders(Endpoint endpoint) {
        var key = endpoint.apiKey();
        if (key == null) {
            return Map.of();
        }
        return switch (settings.flavor()) {
            case GENERATIVE_LANGUAGE -> Map.of("x-goog-api-key", key);
            case VERTEX -> Map.of("Authorization", "Bearer " + key);
        };
    }

    /** Accepts {@code gemini-2.5-flash} and the resource form {@code models/gemini-2.5-flash}. */
    static String modelId(String model) {
        var id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (!MODEL.matcher(id).matches()) {
            throw new ApiException(ApiError.InvalidRequest.of(
                    "The model name '" + model + "' is not a valid Gemini model id.", "model"));
        }
        return id;
    }
}

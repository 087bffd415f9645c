package dev.warden.provider.azure;

import dev.warden.provider.Endpoint;
import dev.warden.provider.openaicompat.Addressing;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code {base}/openai/deployments/{deployment}/chat/completions?api-version=...} with {@code api-key: <key>}. The
 * router puts the Azure deployment name in the request's model, so the deployment comes from there.
 */
record AzureAddressing(String apiVersion) implements Addressing {

    @Override
    public URI uri(Endpoint endpoint, Operation operation, String model) {
        return endpoint.resolve("openai/deployments/" + encode(model) + "/" + operation.path()
                + "?api-version=" + encode(apiVersion));
    }

    @Override
    public Map<String, String> authHeaders(Endpoint endpoint) {
        return endpoint.apiKey() == null ? Map.of() : Map.of("api-key", endpoint.apiKey());
    }

    /** Deployment names are plain ([A-Za-z0-9._-]); anything else is percent-encoded rather than trusted. */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

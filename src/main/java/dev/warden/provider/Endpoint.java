package dev.warden.provider;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every provider needs to reach its upstream: the deployment name, the base URL, the credential, extra
 * headers and timeouts. Built from configuration in {@code Wiring}; provider-specific settings (an Azure
 * {@code api-version}, a dialect table) are passed to the provider's own factory beside it.
 *
 * @param apiKey the upstream credential, null for upstreams that need none (a local vLLM, Ollama)
 * @param dropUnsupportedParams the deployment's {@code drop_unsupported_params}: a parameter the upstream cannot
 *                              honour is dropped and reported (CallNotes) instead of refused with a 400
 */
public record Endpoint(String name, URI baseUrl, @Nullable String apiKey, Map<String, String> headers,
        Timeouts timeouts, boolean dropUnsupportedParams) {

    /** An endpoint that refuses, rather than drops, what its upstream cannot honour. */
    public Endpoint(String name, URI baseUrl, @Nullable String apiKey, Map<String, String> headers,
            Timeouts timeouts) {
        this(name, baseUrl, apiKey, headers, timeouts, false);
    }

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
        headers = Map.copyOf(headers);
    }

    /** The base URL joined with a path, without doubling or dropping the slash between them. */
    public URI resolve(String path) {
        var base = baseUrl.toString();
        if (base.endsWith("/") && path.startsWith("/")) {
            return URI.create(base + path.substring(1));
        }
        if (!base.endsWith("/") && !path.startsWith("/")) {
            return URI.create(base + "/" + path);
        }
        return URI.create(base + path);
    }

    @Override
    public String toString() {
        return "Endpoint[name=" + name + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeouts=" + timeouts + "]";
    }
}

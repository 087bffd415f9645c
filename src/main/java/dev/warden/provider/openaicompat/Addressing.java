package dev.warden.provider.openaicompat;

import dev.warden.provider.Endpoint;
import java.net.URI;
import java.util.Map;

/**
 * Where an OpenAI-wire upstream is called and how it is authenticated: the one thing that differs between OpenAI
 * proper ({@code {base}/chat/completions}, bearer token) and Azure OpenAI (deployment URLs, {@code api-key}).
 * Bodies, answers, streams and errors are the same, so a provider with its own addressing reuses everything else
 * through {@link OpenAiCompatProvider#create(Endpoint, Dialect, dev.warden.provider.UpstreamClient, Addressing)}.
 */
public interface Addressing {

    /** The three OpenAI-wire operations. */
    enum Operation {
        CHAT("chat/completions"), COMPLETIONS("completions"), EMBEDDINGS("embeddings");

        private final String path;

        Operation(String path) {
            this.path = path;
        }

        /** The path below the API root, without a leading slash. */
        public String path() {
            return path;
        }
    }

    /** @param model the request's (already upstream-side) model name */
    URI uri(Endpoint endpoint, Operation operation, String model);

    /** The credential header(s); empty when the endpoint has no key. */
    Map<String, String> authHeaders(Endpoint endpoint);

    /** OpenAI's own scheme: paths under the base URL (which includes {@code /v1}), {@code Authorization: Bearer}. */
    static Addressing bearer() {
        return BearerAddressing.INSTANCE;
    }
}

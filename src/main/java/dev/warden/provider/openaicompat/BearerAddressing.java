package dev.warden.provider.openaicompat;

import dev.warden.provider.Endpoint;
import java.net.URI;
import java.util.Map;

/** {@code {base}/chat/completions} with {@code Authorization: Bearer <key>}. Stateless. */
enum BearerAddressing implements Addressing {
    INSTANCE;

    @Override
    public URI uri(Endpoint endpoint, Operation operation, String model) {
        return endpoint.resolve(operation.path());
    }

    @Override
    public Map<String, String> authHeaders(Endpoint endpoint) {
        return endpoint.apiKey() == null ? Map.of() : Map.of("Authorization", "Bearer " + endpoint.apiKey());
    }
}

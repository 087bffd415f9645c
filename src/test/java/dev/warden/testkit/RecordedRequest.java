package dev.warden.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the fake upstream received it.
 *
 * @param headers header names in lower case
 * @param query the raw query string, empty when there was none
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        String body) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        var values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}

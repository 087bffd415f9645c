package dev.warden.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.RetryAfter;
import dev.warden.provider.Scrubber;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Ollama's error answers ({@code {"error": "message"}}) → client-safe {@link ApiError.Upstream}s. Pure. The status
 * map keeps what the client can act on (its own bad request, a model that is not pulled, rate limits of ollama.com)
 * and turns the gateway's own problems (a proxy rejecting the gateway's key, a crashed runner) into 502s.
 */
final class ErrorWire {
    static final String AUTH_FAILED = "The upstream provider rejected the gateway's credentials.";
    static final String IN_STREAM = "The upstream provider reported an error during the stream.";

    private ErrorWire() {}

    static ApiError.Upstream fromWire(int status, byte[] body, @Nullable String retryAfter, Instant now,
            Scrubber scrubber) {
        if (status == 401 || status == 403) {
            // Ollama itself has no auth: a 401/403 comes from a proxy or ollama.com refusing the gateway's key,
            // which the client can do nothing about.
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        int mapped = mapStatus(status);
        var said = message(body);
        var message = said == null || said.isBlank() ? genericMessage(status) : scrubber.scrub(said);
        return switch (mapped) {
            case 404 -> new ApiError.Upstream(404, message, "invalid_request_error", null, "model_not_found", null);
            case 429 -> new ApiError.Upstream(429, message, "rate_limit_error", null, null,
                    RetryAfter.seconds(retryAfter, now));
            case 503 -> new ApiError.Upstream(503, message, "upstream_error", null, null,
                    RetryAfter.seconds(retryAfter, now));
            default -> new ApiError.Upstream(mapped, message,
                    mapped >= 500 ? "upstream_error" : "invalid_request_error", null, null, null);
        };
    }

    /** A {@code {"error": "..."}} line inside a stream: always a 502, the answer was already under way. */
    static ApiError.Upstream inStream(JsonNode line, Scrubber scrubber) {
        var error = line.get("error");
        var said = error != null && error.isTextual() ? error.asText() : null;
        var message = said == null || said.isBlank() ? IN_STREAM : scrubber.scrub(said);
        return new ApiError.Upstream(502, message, "upstream_error", null, null, null);
    }

    static int mapStatus(int status) {
        return switch (status) {
            case 400, 422 -> 400;
            case 404, 408, 413, 429, 503, 504 -> status;
            default -> status >= 500 ? 502 : 400;
        };
    }

    /** The text of {@code {"error": "..."}}; null for anything else (an HTML page from a proxy, Go's plain 404). */
    static @Nullable String message(byte[] body) {
        try {
            var root = ProviderJson.read(body);
            if (root != null && root.isObject()) {
                var error = root.get("error");
                if (error != null && error.isTextual()) {
                    return error.asText();
                }
                if (error != null && error.isObject()) {
                    return ProviderJson.text(error, "message"); // an OpenAI-shaped proxy in front of Ollama
                }
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 404 -> "The upstream provider does not have the requested model.";
            case 429 -> "The upstream provider is rate limiting requests.";
            case 503 -> "The upstream provider is temporarily unavailable.";
            case 504, 408 -> "The upstream provider timed out.";
            default -> status >= 500
                    ? "The upstream provider failed to process the request (HTTP " + status + ")."
                    : "The upstream provider rejected the request (HTTP " + status + ").";
        };
    }
}

package dev.warden.provider.openaicompat;

import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.RetryAfter;
import dev.warden.provider.Scrubber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An upstream's non-2xx answer → a client-safe {@link ApiError.Upstream}. Pure. The status map keeps what the client
 * can act on (its own bad request, a missing model, rate limits) and turns the gateway's own problems (the upstream
 * rejecting Warden's credential, upstream crashes) into 502s.
 */
final class ErrorWire {
    static final String AUTH_FAILED = "The upstream provider rejected the gateway's credentials.";

    private ErrorWire() {}

    /** What the upstream said, before mapping; fields are null when the body did not say. */
    record Parsed(@Nullable String message, @Nullable String type, @Nullable String param, @Nullable String code) {}

    static ApiError.Upstream fromWire(int status, byte[] body, @Nullable String retryAfter, Instant now,
            Scrubber scrubber) {
        var parsed = parse(body);
        int mapped = mapStatus(status);
        if (status == 401) {
            // Never pass a 401 through: the client's own key was fine, the gateway's upstream key was not.
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        var message = parsed.message() == null || parsed.message().isBlank()
                ? genericMessage(status)
                : scrubber.scrub(parsed.message());
        var type = parsed.type() != null ? scrubber.scrub(parsed.type()) : defaultType(mapped);
        var param = parsed.param() == null ? null : scrubber.scrub(parsed.param());
        var code = parsed.code() == null ? null : scrubber.scrub(parsed.code());
        Long wait = status == 429 ? RetryAfter.seconds(retryAfter, now) : null;
        return new ApiError.Upstream(mapped, message, type, param, code, wait);
    }

    /** An {@code {"error": {...}}} event inside a stream: always a 502, the answer was already under way. */
    static ApiError.Upstream inStream(String data, Scrubber scrubber) {
        var parsed = parse(data.getBytes(StandardCharsets.UTF_8));
        var message = parsed.message() == null || parsed.message().isBlank()
                ? "The upstream provider reported an error during the stream."
                : scrubber.scrub(parsed.message());
        return new ApiError.Upstream(502, message, "upstream_error", null,
                parsed.code() == null ? null : scrubber.scrub(parsed.code()), null);
    }

    static int mapStatus(int status) {
        return switch (status) {
            case 400, 422 -> 400;
            case 401, 500, 502 -> 502;
            case 403, 404, 408, 413, 429, 503, 504 -> status;
            default -> status >= 500 ? 502 : 400;
        };
    }

    private static String defaultType(int mapped) {
        return mapped >= 500 ? "upstream_error" : "invalid_request_error";
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 429 -> "The upstream provider is rate limiting requests.";
            case 503 -> "The upstream provider is temporarily unavailable.";
            case 504, 408 -> "The upstream provider timed out.";
            default -> status >= 500
                    ? "The upstream provider failed to process the request (HTTP " + status + ")."
                    : "The upstream provider rejected the request (HTTP " + status + ").";
        };
    }

    /**
     * Reads OpenAI's {@code {"error": {"message", "type", "param", "code"}}}, also the bare {@code {"error": "..."}}
     * and {@code {"message": "..."}} some compatible servers send. Anything else (an HTML page from a proxy) yields
     * nothing, so only the generic message is shown.
     */
    static Parsed parse(byte[] body) {
        try {
            var root = ProviderJson.read(body);
            if (root == null || !root.isObject()) {
                return new Parsed(null, null, null, null);
            }
            var error = root.get("error");
            if (error != null && error.isObject()) {
                var code = error.get("code");
                return new Parsed(ProviderJson.text(error, "message"), ProviderJson.text(error, "type"),
                        ProviderJson.text(error, "param"),
                        code == null || code.isNull() ? null : code.asText());
            }
            if (error != null && error.isTextual()) {
                return new Parsed(error.asText(), null, null, null);
            }
            return new Parsed(ProviderJson.text(root, "message"), null, null, null);
        } catch (IOException notJson) {
            return new Parsed(null, null, null, null);
        }
    }
}

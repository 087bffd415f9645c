package dev.warden.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.RetryAfter;
import dev.warden.provider.Scrubber;
import java.io.IOException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic's error body {@code {"type": "error", "error": {"type", "message"}}} → a client-safe
 * {@link ApiError.Upstream}. Pure. What the client can act on keeps its status (its own bad request, a missing
 * model, rate limits, an oversized request); the gateway's own problems become 502s (Anthropic rejecting the
 * gateway's key or billing, Anthropic's internal errors), and 529 overloaded becomes the standard 503.
 */
final class ErrorWire {
    static final String AUTH_FAILED = "The upstream provider rejected the gateway's credentials.";
    static final String IN_STREAM = "The upstream provider reported an error during the stream.";

    private ErrorWire() {}

    /** What the upstream said; fields are null when the body did not say. */
    record Parsed(@Nullable String type, @Nullable String message) {}

    static ApiError.Upstream fromWire(int status, byte[] body, @Nullable String retryAfter, Instant now,
            Scrubber scrubber) {
        var parsed = parse(body);
        if (status == 401 || "authentication_error".equals(parsed.type())) {
            // Never pass a 401 through: the client's own key was fine, the gateway's upstream key was not.
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        int mapped = mapStatus(status);
        Long wait = mapped == 429 || mapped == 503 ? RetryAfter.seconds(retryAfter, now) : null;
        return error(mapped, parsed, genericMessage(status), wait, scrubber);
    }

    /** An {@code event: error} inside a stream that had already answered 200: the status follows the type. */
    static ApiError.Upstream inStream(JsonNode data, Scrubber scrubber) {
        var parsed = parse(data);
        if ("authentication_error".equals(parsed.type())) {
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        return error(typeStatus(parsed.type()), parsed, IN_STREAM, null, scrubber);
    }

    private static ApiError.Upstream error(int status, Parsed parsed, String fallback, @Nullable Long wait,
            Scrubber scrubber) {
        var message = parsed.message() == null || parsed.message().isBlank()
                ? fallback
                : scrubber.scrub(parsed.message());
        var type = parsed.type() != null ? scrubber.scrub(parsed.type())
                : status >= 500 ? "upstream_error" : "invalid_request_error";
        return new ApiError.Upstream(status, message, type, null, null, wait);
    }

    static int mapStatus(int status) {
        return switch (status) {
            case 400, 422 -> 400;
            case 401, 402, 500, 502 -> 502;
            case 403, 404, 408, 413, 429, 503, 504 -> status;
            case 529 -> 503;
            default -> status >= 500 ? 502 : 400;
        };
    }

    /** The HTTP status Anthropic documents for each error type, mapped like {@link #mapStatus}. */
    static int typeStatus(@Nullable String type) {
        return switch (type == null ? "" : type) {
            case "invalid_request_error" -> 400;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "overloaded_error" -> 503;
            case "timeout_error" -> 504;
            default -> 502; // api_error, billing_error and types added later: the upstream failed
        };
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 429 -> "The upstream provider is rate limiting requests.";
            case 503, 529 -> "The upstream provider is temporarily overloaded.";
            case 504, 408 -> "The upstream provider timed out.";
            default -> status >= 500
                    ? "The upstream provider failed to process the request (HTTP " + status + ")."
                    : "The upstream provider rejected the request (HTTP " + status + ").";
        };
    }

    static Parsed parse(byte[] body) {
        try {
            return parse(ProviderJson.read(body));
        } catch (IOException notJson) {
            return new Parsed(null, null); // an HTML page from a proxy: only the generic message is shown
        }
    }

    static Parsed parse(@Nullable JsonNode root) {
        if (root == null || !root.isObject()) {
            return new Parsed(null, null);
        }
        var error = root.get("error");
        if (error != null && error.isObject()) {
            return new Parsed(ProviderJson.text(error, "type"), ProviderJson.text(error, "message"));
        }
        return new Parsed(null, ProviderJson.text(root, "message"));
    }
}

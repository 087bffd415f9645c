package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.Scrubber;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Google's error body {@code {"error": {"code", "message", "status", "details"}}} → a client-safe
 * {@link ApiError.Upstream}. Pure. The canonical status comes from Google's {@code status} name (falling back on
 * the HTTP status): what the client can act on keeps its status; the gateway's own credential being rejected and
 * upstream crashes become 502s.
 *
 * <p>Google answers a wrong API key with 400 INVALID_ARGUMENT (reason {@code API_KEY_INVALID}), not 401; that is
 * recognised and reported as the gateway's credential failing, never as the client's bad request.
 */
final class ErrorWire {
    static final String AUTH_FAILED = "The upstream provider rejected the gateway's credentials.";
    static final String IN_STREAM = "The upstream provider reported an error during the stream.";

    private ErrorWire() {}

    record Parsed(@Nullable String message, @Nullable String status, @Nullable JsonNode details) {
        static final Parsed NONE = new Parsed(null, null, null);
    }

    static ApiError.Upstream fromWire(int httpStatus, byte[] body, @Nullable String retryAfter, Instant now,
            Scrubber scrubber) {
        return map(httpStatus, parse(body), retryAfter, now, scrubber);
    }

    /** An {@code {"error": {...}}} chunk inside a stream. */
    static ApiError.Upstream inStream(JsonNode chunk, Instant now, Scrubber scrubber) {
        var parsed = parse(chunk);
        int code = chunk.path("error").path("code").asInt(502);
        var error = map(code >= 400 && code <= 599 ? code : 502, parsed, null, now, scrubber);
        if (parsed.message() == null || parsed.message().isBlank()) {
            return new ApiError.Upstream(error.httpStatus(), IN_STREAM, error.type(), null, error.code(),
                    error.retryAfterSeconds());
        }
        return error;
    }

    private static ApiError.Upstream map(int httpStatus, Parsed parsed, @Nullable String retryAfter, Instant now,
            Scrubber scrubber) {
        var status = parsed.status() == null ? "" : parsed.status();
        if (status.equals("UNAUTHENTICATED") || httpStatus == 401 || keyRejected(parsed)) {
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        int mapped = switch (status) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE", "UNIMPLEMENTED", "ALREADY_EXISTS" -> 400;
            case "PERMISSION_DENIED" -> 403;
            case "NOT_FOUND" -> 404;
            case "RESOURCE_EXHAUSTED" -> 429;
            case "UNAVAILABLE" -> 503;
            case "DEADLINE_EXCEEDED" -> 504;
            case "INTERNAL", "UNKNOWN", "DATA_LOSS", "ABORTED", "CANCELLED" -> 502;
            default -> mapHttp(httpStatus);
        };
        var message = parsed.message() == null || parsed.message().isBlank()
                ? genericMessage(mapped)
                : scrubber.scrub(parsed.message());
        String code = status.isEmpty() ? null : status.toLowerCase(Locale.ROOT);
        if (mapped == 404 && parsed.message() != null && parsed.message().contains("models/")) {
            code = "model_not_found";
        }
        Long wait = mapped == 429 ? RetryDelay.seconds(retryAfter, parsed.details(), now) : null;
        return new ApiError.Upstream(mapped, message, mapped >= 500 ? "upstream_error" : "invalid_request_error",
                null, code, wait);
    }

    private static boolean keyRejected(Parsed parsed) {
        if (parsed.details() != null) {
            for (var detail : parsed.details()) {
                var reason = ProviderJson.text(detail, "reason", "");
                if (reason.equals("API_KEY_INVALID") || reason.equals("API_KEY_EXPIRED")) {
                    return true;
                }
            }
        }
        var message = parsed.message() == null ? "" : parsed.message();
        return message.startsWith("API key not valid") || message.startsWith("API key expired");
    }

    static int mapHttp(int status) {
        return switch (status) {
            case 400, 422 -> 400;
            case 401, 500, 502 -> 502;
            case 403, 404, 408, 413, 429, 503, 504 -> status;
            default -> status >= 500 ? 502 : 400;
        };
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 429 -> "The upstream provider is rate limiting requests.";
            case 503 -> "The upstream provider is temporarily unavailable.";
            case 504, 408 -> "The upstream provider timed out.";
            default -> status >= 500
                    ? "The upstream provider failed to process the request."
                    : "The upstream provider rejected the request (HTTP " + status + ").";
        };
    }

    /** Reads the body; Google sometimes wraps the error object in a one-element array. Non-JSON yields nothing. */
    static Parsed parse(byte[] body) {
        try {
            var root = ProviderJson.read(body);
            return root == null ? Parsed.NONE : parse(root);
        } catch (IOException notJson) {
            return Parsed.NONE;
        }
    }

    static Parsed parse(JsonNode root) {
        var node = root.isArray() && !root.isEmpty() ? root.get(0) : root;
        var error = node.path("error");
        if (!error.isObject()) {
            return Parsed.NONE;
        }
        return new Parsed(ProviderJson.text(error, "message"), ProviderJson.text(error, "status"),
                error.get("details"));
    }
}

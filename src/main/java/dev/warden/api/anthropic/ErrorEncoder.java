package dev.warden.api.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiError;
import java.io.IOException;
import java.util.Set;

/**
 * {@link ApiError} to Anthropic's error body {@code {"type":"error","error":{"type","message"},"request_id"}}, the
 * shape the SDKs turn into typed exceptions. The HTTP status stays {@link ApiError#status()}: the type names the
 * kind of failure, the status is Warden's own (so a 503 "no upstream" is {@code overloaded_error} with status 503
 * rather than Anthropic's private 529, which proxies and load balancers do not know).
 */
final class ErrorEncoder {
    private ErrorEncoder() {}

    /** The error types of Anthropic's published ErrorType enum, plus {@code request_too_large} from its error docs. */
    private static final Set<String> ANTHROPIC_TYPES = Set.of("invalid_request_error", "authentication_error",
            "billing_error", "permission_error", "not_found_error", "request_too_large", "rate_limit_error",
            "timeout_error", "api_error", "overloaded_error");

    static void write(JsonGenerator g, ApiError error) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "error");
        g.writeObjectFieldStart("error");
        g.writeStringField("type", type(error));
        g.writeStringField("message", error.message());
        g.writeEndObject();
        // Required (nullable) by the SDKs' ErrorResponse; the server sends its request id as a header instead.
        g.writeNullField("request_id");
        g.writeEndObject();
    }

    static String type(ApiError error) {
        return switch (error) {
            case ApiError.InvalidRequest e -> "invalid_request_error";
            case ApiError.MethodNotAllowed e -> "invalid_request_error";
            case ApiError.UnsupportedMediaType e -> "invalid_request_error";
            // Anthropic: "We may also use invalid_request_error for other 4XX status codes".
            case ApiError.RequestTimeout e -> "invalid_request_error";
            case ApiError.Unauthenticated e -> "authentication_error";
            case ApiError.PermissionDenied e -> "permission_error";
            case ApiError.NotFound e -> "not_found_error";
            case ApiError.PayloadTooLarge e -> "request_too_large";
            case ApiError.RateLimited e -> "rate_limit_error";
            case ApiError.Internal e -> "api_error";
            case ApiError.Unavailable e -> "overloaded_error";
            // GatewayTimeoutError in the SDKs' ErrorType: the documented type for an answer that took too long.
            case ApiError.UpstreamTimeout e -> "timeout_error";
            case ApiError.Upstream e -> e.type() != null && ANTHROPIC_TYPES.contains(e.type())
                    ? e.type() : byStatus(e.httpStatus());
        };
    }

    /** An upstream error whose type is not Anthropic's own (an OpenAI-style upstream) is typed by its status. */
    private static String byStatus(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> status < 500 ? "invalid_request_error" : "api_error";
        };
    }
}

package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything that can go wrong with a request, as one sealed hierarchy. Each variant fixes its HTTP status; the
 * server renders it in the caller's dialect (OpenAI, Anthropic or Ollama error body) in one place. Messages are
 * written for the client: they never carry credentials, stack traces or internal addresses.
 */
public sealed interface ApiError {

    String message();

    /** The HTTP status this error is answered with. */
    default int status() {
        return switch (this) {
            case InvalidRequest e -> 400;
            case Unauthenticated e -> 401;
            case PermissionDenied e -> 403;
            case NotFound e -> 404;
            case MethodNotAllowed e -> 405;
            case RequestTimeout e -> 408;
            case PayloadTooLarge e -> 413;
            case UnsupportedMediaType e -> 415;
            case RateLimited e -> 429;
            case Internal e -> 500;
            case Upstream e -> e.httpStatus();
            case Unavailable e -> 503;
            case UpstreamTimeout e -> 504;
        };
    }

    /** The request is malformed or names an invalid value; {@code param} names the offending field. */
    record InvalidRequest(String message, @Nullable String param, @Nullable String code) implements ApiError {
        public InvalidRequest {
            Objects.requireNonNull(message, "message");
        }

        public static InvalidRequest of(String message, @Nullable String param) {
            return new InvalidRequest(message, param, null);
        }
    }

    record Unauthenticated(String message) implements ApiError {}

    record PermissionDenied(String message) implements ApiError {}

    /** {@code code} is machine readable: {@code model_not_found} or {@code not_found}. */
    record NotFound(String message, String code) implements ApiError {
        public static NotFound model(String model) {
            return new NotFound("The model '" + model + "' does not exist or you do not have access to it.",
                    "model_not_found");
        }
    }

    record MethodNotAllowed(String message) implements ApiError {}

    record RequestTimeout(String message) implements ApiError {}

    record PayloadTooLarge(String message) implements ApiError {}

    record UnsupportedMediaType(String message) implements ApiError {}

    record RateLimited(String message, @Nullable Long retryAfterSeconds) implements ApiError {}

    /** A fault inside Warden. The message is generic; details go to the log, keyed by request id. */
    record Internal(String message) implements ApiError {}

    /**
     * An upstream answered with an error that is passed on with a mapped status ({@code httpStatus}) and its own
     * (sanitized) message, type and code.
     */
    record Upstream(int httpStatus, String message, @Nullable String type, @Nullable String param,
            @Nullable String code, @Nullable Long retryAfterSeconds) implements ApiError {
        public Upstream {
            Objects.requireNonNull(message, "message");
            if (httpStatus < 400 || httpStatus > 599) {
                throw new IllegalArgumentException("not an error status: " + httpStatus);
            }
        }
    }

    /** No upstream could take the request (connection refused, draining, circuit open). */
    record Unavailable(String message) implements ApiError {}

    /** The upstream did not answer in time (first byte or stream idle timeout). */
    record UpstreamTimeout(String message) implements ApiError {}
}

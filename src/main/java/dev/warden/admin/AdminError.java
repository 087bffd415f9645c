package dev.warden.admin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An admin call that failed, rendered in OpenAI's error shape {@code {"error": {message, type, param, code}}} so
 * the same clients and SDK error handling work on both APIs.
 *
 * @param param the request field (or query parameter) at fault, when there is one
 */
record AdminError(Kind kind, String message, @Nullable String param) {

    enum Kind {
        INVALID(400, "invalid_request_error", "invalid_request"),
        UNAUTHENTICATED(401, "authentication_error", "invalid_api_key"),
        FORBIDDEN(403, "permission_error", "forbidden"),
        NOT_FOUND(404, "invalid_request_error", "not_found"),
        METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed"),
        CONFLICT(409, "invalid_request_error", "conflict"),
        TOO_LARGE(413, "invalid_request_error", "payload_too_large"),
        UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "unsupported_media_type"),
        UNPROCESSABLE(422, "invalid_request_error", "invalid_value"),
        INTERNAL(500, "server_error", "internal_error"),
        UNAVAILABLE(503, "service_unavailable_error", "unavailable");

        final int status;
        final String type;
        final String code;

        Kind(int status, String type, String code) {
            this.status = status;
            this.type = type;
            this.code = code;
        }
    }

    AdminError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static AdminException invalid(@Nullable String param, String message) {
        return new AdminException(new AdminError(Kind.INVALID, message, param));
    }

    static AdminException unprocessable(@Nullable String param, String message) {
        return new AdminException(new AdminError(Kind.UNPROCESSABLE, message, param));
    }

    static AdminException conflict(@Nullable String param, String message) {
        return new AdminException(new AdminError(Kind.CONFLICT, message, param));
    }

    static AdminException forbidden(String message) {
        return new AdminException(new AdminError(Kind.FORBIDDEN, message, null));
    }

    static AdminException notFound(String message) {
        return new AdminException(new AdminError(Kind.NOT_FOUND, message, null));
    }
}

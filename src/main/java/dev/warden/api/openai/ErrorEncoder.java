package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiError;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** {@link ApiError} to OpenAI's error body, the one shape the SDKs turn into typed exceptions. */
final class ErrorEncoder {
    private ErrorEncoder() {}

    private record Wire(String type, @Nullable String param, @Nullable String code) {}

    static void write(JsonGenerator g, ApiError error) throws IOException {
        Wire wire = wire(error);
        g.writeStartObject();
        g.writeObjectFieldStart("error");
        g.writeStringField("message", error.message());
        g.writeStringField("type", wire.type());
        nullable(g, "param", wire.param());
        nullable(g, "code", wire.code());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static Wire wire(ApiError error) {
        return switch (error) {
            case ApiError.InvalidRequest e -> new Wire("invalid_request_error", e.param(), e.code());
            case ApiError.NotFound e -> new Wire("invalid_request_error", null, e.code());
            case ApiError.MethodNotAllowed e -> new Wire("invalid_request_error", null, null);
            case ApiError.PayloadTooLarge e -> new Wire("invalid_request_error", null, null);
            case ApiError.UnsupportedMediaType e -> new Wire("invalid_request_error", null, null);
            case ApiError.Unauthenticated e -> new Wire("authentication_error", null, null);
            case ApiError.PermissionDenied e -> new Wire("permission_error", null, null);
            case ApiError.RateLimited e -> new Wire("rate_limit_error", null, "rate_limit_exceeded");
            case ApiError.RequestTimeout e -> new Wire("timeout_error", null, null);
            case ApiError.UpstreamTimeout e -> new Wire("timeout_error", null, null);
            case ApiError.Internal e -> new Wire("server_error", null, null);
            case ApiError.Unavailable e -> new Wire("service_unavailable_error", null, null);
            case ApiError.Upstream e -> new Wire(e.type() != null ? e.type() : "upstream_error", e.param(), e.code());
        };
    }

    private static void nullable(JsonGenerator g, String name, @Nullable String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}

package dev.warden.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.Scrubber;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Bedrock's errors → client-safe {@link ApiError.Upstream}s. Pure. Bedrock names the error in the
 * {@code x-amzn-errortype} header ({@code ValidationException:http://internal.amazon.com/...}; the part before the
 * colon counts) and explains it in {@code {"message": "..."}}; inside a ConverseStream the name is the
 * {@code :exception-type} header of an exception frame ({@code throttlingException}). The map keeps what the
 * client can act on (its own bad request, a missing model, throttling) and turns the gateway's own problems
 * (AWS rejecting the gateway's signature or key, upstream crashes) into 502s.
 */
final class ErrorWire {
    static final String AUTH_FAILED = "The upstream provider rejected the gateway's credentials.";
    /** Marks the errors that mean AWS rejected the gateway's own credentials. */
    private static final int AUTH = -1;

    private ErrorWire() {}

    /**
     * @param errorType the {@code x-amzn-errortype} header, null when absent
     * @param retryAfterSeconds what a {@code Retry-After} header said, for throttling
     */
    static ApiError.Upstream fromWire(int status, @Nullable String errorType, byte[] body,
            @Nullable Long retryAfterSeconds, Scrubber scrubber) {
        var type = typeName(errorType);
        if (type == null) {
            type = typeName(ProviderJson.text(parseOrEmpty(body), "__type"));
        }
        int mapped = mapStatus(status, type);
        if (mapped == AUTH) {
            // Never pass an auth failure through: the client's own key was fine, the gateway's AWS one was not.
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        var message = message(body);
        var text = message == null || message.isBlank() ? genericMessage(mapped) : scrubber.scrub(message);
        return new ApiError.Upstream(mapped, text, mapped >= 500 ? "upstream_error" : "invalid_request_error", null,
                type == null ? null : scrubber.scrub(type), mapped == 429 ? retryAfterSeconds : null);
    }

    /** An exception frame inside a ConverseStream. */
    static ApiError.Upstream inStream(@Nullable String exceptionType, byte[] payload, Scrubber scrubber) {
        var type = typeName(exceptionType);
        int mapped = mapStatus(0, type);
        if (mapped == AUTH) {
            return new ApiError.Upstream(502, AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null);
        }
        if (mapped == 400 && type == null) {
            mapped = 502; // an unnamed failure after the answer began is the upstream's, not the client's
        }
        var message = message(payload);
        var text = message == null || message.isBlank()
                ? "The upstream provider reported an error during the stream." : scrubber.scrub(message);
        return new ApiError.Upstream(mapped, text, mapped >= 500 ? "upstream_error" : "invalid_request_error", null,
                type == null ? null : scrubber.scrub(type), null);
    }

    /**
     * By error type first (case-insensitive, so {@code ThrottlingException} and the stream's
     * {@code throttlingException} agree), by status when the type is unknown.
     */
    static int mapStatus(int status, @Nullable String type) {
        var known = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (known) {
            case "validationexception" -> 400;
            case "accessdeniedexception" -> 403;
            case "resourcenotfoundexception" -> 404;
            case "modeltimeoutexception" -> 408;
            case "throttlingexception", "servicequotaexceededexception" -> 429;
            case "serviceunavailableexception", "modelnotreadyexception" -> 503;
            case "internalserverexception", "modelerrorexception", "modelstreamerrorexception" -> 502;
            case "unrecognizedclientexception", "invalidsignatureexception", "incompletesignatureexception",
                    "expiredtokenexception", "missingauthenticationtokenexception",
                    "invalidclienttokenidexception" -> AUTH;
            default -> switch (status) {
                case 0 -> 502;
                case 400, 422 -> 400;
                case 401 -> AUTH;
                case 403, 404, 408, 413, 429, 503, 504 -> status;
                default -> status >= 500 ? 502 : 400;
            };
        };
    }

    /** {@code ValidationException:http://internal.amazon.com/coral/...} → {@code ValidationException}. */
    static @Nullable String typeName(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int colon = header.indexOf(':');
        var name = (colon < 0 ? header : header.substring(0, colon)).strip();
        int hash = name.lastIndexOf('#'); // the JSON protocol's "com.amazon.coral.service#ExpiredTokenException"
        return hash < 0 ? name : name.substring(hash + 1);
    }

    /** Bedrock's {@code message}, also {@code Message} as some AWS front ends spell it. */
    static @Nullable String message(byte[] body) {
        var root = parseOrEmpty(body);
        var message = ProviderJson.text(root, "message");
        return message != null ? message : ProviderJson.text(root, "Message");
    }

    private static JsonNode parseOrEmpty(byte[] body) {
        try {
            var root = ProviderJson.read(body);
            return root != null && root.isObject() ? root : ProviderJson.NODES.objectNode();
        } catch (IOException notJson) {
            return ProviderJson.NODES.objectNode();
        }
    }

    private static String genericMessage(int status) {
        return switch (status) {
            case 429 -> "The upstream provider is throttling requests.";
            case 503 -> "The upstream provider is temporarily unavailable.";
            case 504, 408 -> "The upstream provider timed out.";
            default -> status >= 500
                    ? "The upstream provider failed to process the request (HTTP " + status + ")."
                    : "The upstream provider rejected the request (HTTP " + status + ").";
        };
    }
}

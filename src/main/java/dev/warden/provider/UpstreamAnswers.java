package dev.warden.provider;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading what an upstream answered, the same way for every provider: a whole answer becomes a decoded result or a
 * client-safe error (a timeout when the idle watchdog cut the body, a 502 for a broken connection or a malformed
 * body), and an error body is read only up to a bound, since only its first part is ever shown.
 */
public final class UpstreamAnswers {
    /** More than any upstream's error message; a larger error body is cut, never buffered whole. */
    public static final int MAX_ERROR_BODY = 64 * 1024;

    private UpstreamAnswers() {}

    /** Reads the whole answer, closes it, and decodes it; failures become client-safe errors. */
    public static <T> T decode(UpstreamResponse response, Decoder<T> decoder) {
        try (response) {
            byte[] bytes;
            try {
                bytes = response.readBody();
            } catch (IOException e) {
                throw new ApiException(response.idleTimedOut()
                        ? new ApiError.UpstreamTimeout("The upstream provider stopped sending its answer.")
                        : new ApiError.Upstream(502, "The connection to the upstream provider failed.",
                                "upstream_error", null, "upstream_io_error", null), e);
            }
            try {
                return decoder.fromWire(bytes);
            } catch (IOException | RuntimeException e) {
                throw new ApiException(new ApiError.Upstream(502,
                        "The upstream provider sent a malformed response.", "upstream_error", null,
                        "upstream_malformed_response", null), e);
            }
        }
    }

    /** The first {@link #MAX_ERROR_BODY} bytes of an error answer, or none when even they cannot be read. */
    public static byte[] errorBody(InputStream body) {
        try {
            return body.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0]; // the status alone still maps to a useful error
        }
    }

    /** A provider's wire decoder for one whole answer. */
    @FunctionalInterface
    public interface Decoder<T> {
        T fromWire(byte[] body) throws IOException;
    }
}

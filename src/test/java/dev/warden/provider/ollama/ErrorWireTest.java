package dev.warden.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ollama's error bodies → client-safe errors with faithful statuses. */
class ErrorWireTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static ApiError.Upstream map(int status, String body, String retryAfter) {
        return ErrorWire.fromWire(status, body.getBytes(StandardCharsets.UTF_8), retryAfter, NOW, Fixtures.SCRUBBER);
    }

    @Test
    void aBadRequestStaysA400WithOllamasWords() {
        assertThat(map(400, "{\"error\":\"invalid format: expected \\\"json\\\" or a valid JSON schema\"}", null))
                .isEqualTo(new ApiError.Upstream(400, "invalid format: expected \"json\" or a valid JSON schema",
                        "invalid_request_error", null, null, null));
    }

    @Test
    void aModelThatIsNotPulledIsA404ModelNotFound() {
        var error = map(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}", null);
        assertThat(error).isEqualTo(new ApiError.Upstream(404, "model \"llama9\" not found, try pulling it first",
                "invalid_request_error", null, "model_not_found", null));
    }

    @Test
    void aRunnerCrashIsA502AndItsAddressIsScrubbed() {
        var error = map(500, "{\"error\":\"llama runner process has terminated: error loading model from "
                + "http://10.0.0.7:11434/blobs, key sk-proxy-secret-key-123\"}", null);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.type()).isEqualTo("upstream_error");
        assertThat(error.message()).startsWith("llama runner process has terminated")
                .doesNotContain("10.0.0.7").doesNotContain("sk-proxy-secret-key-123");
    }

    @Test
    void aProxyRefusingTheGatewaysKeyIsA502AuthFailure() {
        var expected = new ApiError.Upstream(502, ErrorWire.AUTH_FAILED, "upstream_error", null,
                "upstream_auth_failed", null);
        assertThat(map(401, "{\"error\":\"unauthorized\"}", null)).isEqualTo(expected);
        assertThat(map(403, "<html>Forbidden</html>", null)).isEqualTo(expected);
    }

    @Test
    void busyAndRateLimitedCarryRetryAfter() {
        var busy = map(503, "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}", "2");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfterSeconds()).isEqualTo(2L);
        var limited = map(429, "{\"error\":\"too many requests\"}", "Wed, 01 Jan 2025 00:00:10 GMT");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isEqualTo(10L);
    }

    @Test
    void aBodyThatIsNotOllamasGetsAGenericMessage() {
        assertThat(map(404, "404 page not found", null).message())
                .isEqualTo("The upstream provider does not have the requested model.");
        assertThat(map(502, "<html>Bad Gateway</html>", null)).isEqualTo(new ApiError.Upstream(502,
                "The upstream provider failed to process the request (HTTP 502).", "upstream_error", null, null,
                null));
    }
}

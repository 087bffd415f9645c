package dev.warden.provider.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.provider.Scrubber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Upstream error answers → client-safe errors. */
class ErrorWireTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static ApiError.Upstream map(int status, String body, String retryAfter) {
        return ErrorWire.fromWire(status, body.getBytes(StandardCharsets.UTF_8), retryAfter, NOW, Fixtures.SCRUBBER);
    }

    private static ApiError.Upstream map(int status, String body) {
        return map(status, body, null);
    }

    @Test
    void badRequestKeepsMessageTypeParamAndCode() {
        var error = map(400, "{\"error\":{\"message\":\"Invalid value for 'temperature': must be <= 2.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"invalid_value\"}}");
        assertThat(error).isEqualTo(new ApiError.Upstream(400, "Invalid value for 'temperature': must be <= 2.",
                "invalid_request_error", "temperature", "invalid_value", null));
    }

    @Test
    void unprocessableEntityIsA400() {
        var error = map(422, "{\"object\":\"error\",\"message\":\"Extra inputs are not permitted\"}");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.message()).isEqualTo("Extra inputs are not permitted");
    }

    @Test
    void unauthorizedNeverPassesThrough() {
        var error = map(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-secr***-123.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        assertThat(error).isEqualTo(new ApiError.Upstream(502, ErrorWire.AUTH_FAILED, "upstream_error", null,
                "upstream_auth_failed", null));
    }

    @Test
    void notFoundKeepsTheModelNotFoundCode() {
        var error = map(404, "{\"error\":{\"message\":\"The model `gpt-5x` does not exist or you do not have "
                + "access to it.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.code()).isEqualTo("model_not_found");
    }

    @Test
    void rateLimitReadsRetryAfterSecondsOrDate() {
        var body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}";
        assertThat(map(429, body, "20")).isEqualTo(new ApiError.Upstream(429, "Rate limit reached", "requests", null,
                "rate_limit_exceeded", 20L));
        assertThat(map(429, body, "0.4").retryAfterSeconds()).isEqualTo(1L);
        assertThat(map(429, body, "Wed, 01 Jan 2025 00:01:30 GMT").retryAfterSeconds()).isEqualTo(90L);
        assertThat(map(429, body, "Tue, 31 Dec 2024 23:00:00 GMT").retryAfterSeconds()).isZero();
        assertThat(map(429, body, "soon").retryAfterSeconds()).isNull();
        assertThat(map(429, body).retryAfterSeconds()).isNull();
    }

    @Test
    void serverErrorsMap() {
        var body = "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}";
        assertThat(map(500, body).status()).isEqualTo(502);
        assertThat(map(502, body).status()).isEqualTo(502);
        assertThat(map(503, body).status()).isEqualTo(503);
        assertThat(map(504, body).status()).isEqualTo(504);
        assertThat(map(529, body).status()).isEqualTo(502);
        assertThat(map(403, body).status()).isEqualTo(403);
        assertThat(map(408, body).status()).isEqualTo(408);
        assertThat(map(413, body).status()).isEqualTo(413);
        assertThat(map(418, body).status()).isEqualTo(400);
        assertThat(map(503, body).message()).isEqualTo("The server had an error while processing your request.");
    }

    @Test
    void htmlFromAProxyGivesAGenericMessage() {
        var error = map(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx at 10.0.0.7</body></html>");
        assertThat(error).isEqualTo(new ApiError.Upstream(502,
                "The upstream provider failed to process the request (HTTP 502).", "upstream_error", null, null, null));
        assertThat(map(503, "").message()).isEqualTo("The upstream provider is temporarily unavailable.");
    }

    @Test
    void messagesAreScrubbedOfSecretsAddressesAndUrlsAndBounded() {
        var message = "Key sk-secret-upstream-key-123 with header org-secret-token-456 failed at "
                + "http://10.0.0.7:8000/v1/chat/completions, see https://docs.example.com/errors?x=1 "
                + "host 10.0.0.7 " + "x".repeat(1000);
        var error = map(400, "{\"error\":{\"message\":\"" + message + "\"}}");
        assertThat(error.message()).doesNotContain("sk-secret").doesNotContain("org-secret")
                .doesNotContain("10.0.0.7").doesNotContain("docs.example.com").startsWith("Key *** with header ***");
        assertThat(error.message()).hasSizeLessThanOrEqualTo(Scrubber.MAX_LENGTH).endsWith("...");
    }
}

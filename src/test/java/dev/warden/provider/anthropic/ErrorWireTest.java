package dev.warden.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Anthropic's documented error bodies → client-safe errors with the mapped status. */
class ErrorWireTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static String body(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
    }

    private static ApiError.Upstream map(int status, String body, String retryAfter) {
        return ErrorWire.fromWire(status, body.getBytes(StandardCharsets.UTF_8), retryAfter, NOW, Fixtures.SCRUBBER);
    }

    @Test
    void everyDocumentedTypeMapsToItsStatus() {
        record Case(int status, String type, int mapped) {}
        var cases = new Case[] {
                new Case(400, "invalid_request_error", 400), new Case(403, "permission_error", 403),
                new Case(404, "not_found_error", 404), new Case(413, "request_too_large", 413),
                new Case(429, "rate_limit_error", 429), new Case(500, "api_error", 502),
                new Case(529, "overloaded_error", 503), new Case(402, "billing_error", 502),
                new Case(504, "timeout_error", 504)};
        for (var c : cases) {
            var error = map(c.status(), body(c.type(), "m"), null);
            assertThat(error.status()).as(c.type()).isEqualTo(c.mapped());
            assertThat(error.type()).isEqualTo(c.type());
            assertThat(error.message()).isEqualTo("m");
        }
    }

    @Test
    void aRejectedGatewayKeyIsA502ThatSaysNothingOfTheKey() {
        var error = map(401, body("authentication_error", "invalid x-api-key sk-ant-secret-upstream-key-123"), null);
        assertThat(error).isEqualTo(new ApiError.Upstream(502, ErrorWire.AUTH_FAILED, "upstream_error", null,
                "upstream_auth_failed", null));
    }

    @Test
    void rateLimitsAndOverloadCarryRetryAfter() {
        assertThat(map(429, body("rate_limit_error", "slow down"), "12").retryAfterSeconds()).isEqualTo(12L);
        assertThat(map(529, body("overloaded_error", "Overloaded"), "3").retryAfterSeconds()).isEqualTo(3L);
        assertThat(map(400, body("invalid_request_error", "bad"), "3").retryAfterSeconds()).isNull();
    }

    @Test
    void messagesAreScrubbedOfSecretsHostsAndUrls() {
        var error = map(400, body("invalid_request_error", "key sk-ant-secret-upstream-key-123 via "
                + "anthropic.internal.example proxy-secret-456 see https://docs.anthropic.com/x"), null);
        assertThat(error.message()).doesNotContain("sk-ant-secret", "anthropic.internal", "proxy-secret", "https://")
                .contains("***", "[url]");
    }

    @Test
    void aBodyThatIsNotAnthropicsGetsAGenericMessage() {
        var error = map(502, "<html>Bad Gateway</html>", null);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.message()).isEqualTo("The upstream provider failed to process the request (HTTP 502).");
        assertThat(map(529, "", null).message()).isEqualTo("The upstream provider is temporarily overloaded.");
    }

    @Test
    void inStreamErrorsMapByType() throws IOException {
        var overloaded = ErrorWire.inStream(ProviderJson.read(body("overloaded_error", "Overloaded")),
                Fixtures.SCRUBBER);
        assertThat(overloaded.status()).isEqualTo(503);
        var api = ErrorWire.inStream(ProviderJson.read(body("api_error", "")), Fixtures.SCRUBBER);
        assertThat(api.status()).isEqualTo(502);
        assertThat(api.message()).isEqualTo(ErrorWire.IN_STREAM);
        var rate = ErrorWire.inStream(ProviderJson.read(body("rate_limit_error", "x")), Fixtures.SCRUBBER);
        assertThat(rate.status()).isEqualTo(429);
    }
}

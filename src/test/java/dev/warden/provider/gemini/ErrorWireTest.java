package dev.warden.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Google error bodies → client-safe errors with the documented status map. */
class ErrorWireTest {

    private static ApiError.Upstream map(int http, String status, String message) {
        var body = "{\"error\":{\"code\":" + http + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
        return ErrorWire.fromWire(http, body.getBytes(StandardCharsets.UTF_8), null, Fixtures.NOW, Fixtures.SCRUBBER);
    }

    @Test
    void statusMap() {
        assertThat(map(400, "INVALID_ARGUMENT", "bad").httpStatus()).isEqualTo(400);
        assertThat(map(400, "FAILED_PRECONDITION", "region").httpStatus()).isEqualTo(400);
        assertThat(map(403, "PERMISSION_DENIED", "no").httpStatus()).isEqualTo(403);
        assertThat(map(404, "NOT_FOUND", "x").httpStatus()).isEqualTo(404);
        assertThat(map(429, "RESOURCE_EXHAUSTED", "quota").httpStatus()).isEqualTo(429);
        assertThat(map(500, "INTERNAL", "oops").httpStatus()).isEqualTo(502);
        assertThat(map(503, "UNAVAILABLE", "overloaded").httpStatus()).isEqualTo(503);
        assertThat(map(504, "DEADLINE_EXCEEDED", "slow").httpStatus()).isEqualTo(504);
        var error = map(400, "INVALID_ARGUMENT", "Please use a valid role: user, model.");
        assertThat(error).isEqualTo(new ApiError.Upstream(400, "Please use a valid role: user, model.",
                "invalid_request_error", null, "invalid_argument", null));
    }

    @Test
    void anUnknownModelCarriesModelNotFound() {
        assertThat(map(404, "NOT_FOUND", "models/gemini-9 is not found for API version v1beta").code())
                .isEqualTo("model_not_found");
    }

    @Test
    void theGatewaysRejectedCredentialIsA502InEveryShapeGoogleSendsIt() {
        var expected = new ApiError.Upstream(502, ErrorWire.AUTH_FAILED, "upstream_error", null,
                "upstream_auth_failed", null);
        assertThat(map(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")).isEqualTo(expected);
        var invalidKey = "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}";
        assertThat(ErrorWire.fromWire(400, invalidKey.getBytes(StandardCharsets.UTF_8), null, Fixtures.NOW,
                Fixtures.SCRUBBER)).isEqualTo(expected);
    }

    @Test
    void retryDelayFromTheHeaderOrFromRetryInfo() {
        var body = "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\"},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"36.5s\"}]}}";
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(ErrorWire.fromWire(429, bytes, null, Fixtures.NOW, Fixtures.SCRUBBER).retryAfterSeconds())
                .isEqualTo(37L);
        assertThat(ErrorWire.fromWire(429, bytes, "5", Fixtures.NOW, Fixtures.SCRUBBER).retryAfterSeconds())
                .isEqualTo(5L);
    }

    @Test
    void messagesAreScrubbedOfKeysTokensHostsAndUrls() {
        var error = map(400, "INVALID_ARGUMENT", "Key AIzaSyTestSecretKey0123456789abcdefghijk and AIzaSyAAAAAAAAAA"
                + "AAAAAAAAAAAAAAAAAAAAAAAAA and ya29.a0AfH6SMBx token at https://generativelanguage.googleapis.com/"
                + "v1beta/models/x?key=abc for secret-billing-project on generativelanguage.googleapis.com");
        assertThat(error.message()).doesNotContain("AIza").doesNotContain("ya29").doesNotContain("googleapis")
                .doesNotContain("secret-billing-project").contains("[url]");
    }

    @Test
    void arrayWrappedAndNonJsonBodies() {
        var wrapped = "[{\"error\":{\"code\":404,\"message\":\"gone\",\"status\":\"NOT_FOUND\"}}]";
        assertThat(ErrorWire.fromWire(404, wrapped.getBytes(StandardCharsets.UTF_8), null, Fixtures.NOW,
                Fixtures.SCRUBBER).message()).isEqualTo("gone");
        var html = ErrorWire.fromWire(502, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), null,
                Fixtures.NOW, Fixtures.SCRUBBER);
        assertThat(html.httpStatus()).isEqualTo(502);
        assertThat(html.message()).doesNotContain("html");
    }
}

package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.provider.ProviderJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bedrock's documented errors → client-safe errors, scrubbed. */
class ErrorWireTest {

    private static ApiError.Upstream map(int status, String type, String message) {
        var body = "{\"message\":" + ProviderJson.NODES.textNode(message) + "}";
        return ErrorWire.fromWire(status, type + ":http://internal.amazon.com/coral/com.amazon.bedrock/",
                body.getBytes(StandardCharsets.UTF_8), 3L, Fixtures.SCRUBBER);
    }

    @Test
    void statusesByErrorType() {
        assertThat(map(400, "ValidationException", "bad").status()).isEqualTo(400);
        assertThat(map(403, "AccessDeniedException", "no access").status()).isEqualTo(403);
        assertThat(map(404, "ResourceNotFoundException", "gone").status()).isEqualTo(404);
        assertThat(map(408, "ModelTimeoutException", "slow").status()).isEqualTo(408);
        assertThat(map(503, "ServiceUnavailableException", "down").status()).isEqualTo(503);
        assertThat(map(429, "ModelNotReadyException", "warming").status()).isEqualTo(503);
        assertThat(map(500, "InternalServerException", "oops").status()).isEqualTo(502);
        assertThat(map(424, "ModelErrorException", "model broke").status()).isEqualTo(502);
        assertThat(map(418, "SomethingNew", "?").status()).isEqualTo(400);
    }

    @Test
    void throttlingKeepsRetryAfter() {
        var error = map(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        assertThat(error).isEqualTo(new ApiError.Upstream(429, "Too many requests, please wait before trying again.",
                "invalid_request_error", null, "ThrottlingException", 3L));
    }

    @Test
    void rejectedGatewayCredentialsAre502WithoutDetail() {
        for (var type : new String[] {"UnrecognizedClientException", "InvalidSignatureException",
                "ExpiredTokenException"}) {
            assertThat(map(403, type, "The security token included in the request is invalid: AKIAFIXTURE000000001"))
                    .isEqualTo(new ApiError.Upstream(502, ErrorWire.AUTH_FAILED, "upstream_error", null,
                            "upstream_auth_failed", null));
        }
    }

    @Test
    void messagesAreScrubbedOfCredentialsHostsUrlsAndArns() {
        var error = map(400, "ValidationException", "Key AKIAFIXTURE000000001 with token fixture-session-token-1 "
                + "at bedrock-runtime.eu-west-3.amazonaws.com see https://docs.aws.amazon.com/x for "
                + "arn:aws:bedrock:eu-west-3:123456789012:inference-profile/x");
        assertThat(error.message()).isEqualTo("Key *** with token *** at *** see [url] for [arn]");
    }

    @Test
    void aBodyThatIsNotJsonGivesTheGenericMessage() {
        var error = ErrorWire.fromWire(502, null, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8),
                null, Fixtures.SCRUBBER);
        assertThat(error).isEqualTo(new ApiError.Upstream(502,
                "The upstream provider failed to process the request (HTTP 502).", "upstream_error", null, null,
                null));
    }
}

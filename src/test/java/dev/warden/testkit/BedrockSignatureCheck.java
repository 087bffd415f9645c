package dev.warden.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Checks a request's SigV4 signature the way AWS does, by recomputing it with the known secret; the recomputation
 * is AWS's own SDK signer, so the fake is not checking our signer against itself. Clock skew is not checked: tests
 * sign with pinned clocks.
 */
final class BedrockSignatureCheck {
    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), "
                    + "Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** Why the request is rejected, as Bedrock's error type and message; null when the signature holds. */
    record Rejection(int status, String errorType, String message) {}

    private BedrockSignatureCheck() {}

    static Rejection check(RecordedRequest request, String host, String accessKeyId, String secret,
            String sessionToken, String region) {
        var auth = request.header("authorization").orElse("");
        var matcher = AUTH.matcher(auth);
        if (!matcher.matches()) {
            return new Rejection(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        if (!matcher.group(1).equals(accessKeyId)) {
            return new Rejection(403, "UnrecognizedClientException", "The security token included in the request "
                    + "is invalid.");
        }
        if (!matcher.group(3).equals(region) || !matcher.group(4).equals("bedrock")) {
            return new Rejection(403, "InvalidSignatureException", "Credential should be scoped to a valid region "
                    + "and service 'bedrock'.");
        }
        var token = request.header("x-amz-security-token").orElse(null);
        if (sessionToken != null && !sessionToken.equals(token)) {
            return new Rejection(403, "UnrecognizedClientException", "The security token included in the request "
                    + "is invalid.");
        }
        var amzDate = request.header("x-amz-date").orElse("");
        Clock clock;
        try {
            clock = Clock.fixed(LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return new Rejection(403, "IncompleteSignatureException", "Date must be in ISO-8601 'basic format'.");
        }
        var builder = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create("http://" + host + request.path()));
        for (var name : matcher.group(5).split(";")) {
            if (!name.equals("host") && !name.equals("x-amz-date") && !name.equals("x-amz-content-sha256")) {
                request.header(name).ifPresent(value -> builder.putHeader(name, value));
            }
        }
        var body = request.body().getBytes(StandardCharsets.UTF_8);
        var identity = token == null ? AwsCredentialsIdentity.create(accessKeyId, secret)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secret, token);
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        var expected = signed.request().firstMatchingHeader("Authorization").orElse("");
        if (!expected.equals(auth)) {
            return new Rejection(403, "InvalidSignatureException", "The request signature we calculated does not "
                    + "match the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
        return null;
    }
}

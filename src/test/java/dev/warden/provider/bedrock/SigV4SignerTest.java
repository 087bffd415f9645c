package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Our signer against AWS's published test-suite values and, byte for byte, against the AWS SDK's own signer. */
class SigV4SignerTest {
    private static final String AKID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    private static final Instant NOW = Instant.parse("2024-11-05T09:15:42Z");

    private static String signature(Map<String, String> headers) {
        var auth = headers.get("Authorization");
        return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
    }

    @Test
    void awsTestSuiteGetVanilla() {
        var signer = new SigV4Signer(new AwsCredentials(AKID, SECRET, null), "us-east-1", "service", false);
        var headers = signer.sign("GET", URI.create("https://example.amazonaws.com/"), new byte[0], SUITE_TIME);
        assertThat(headers).containsEntry("x-amz-date", "20150830T123600Z").containsEntry("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void awsTestSuiteQueryOrderKeyCase() {
        var signer = new SigV4Signer(new AwsCredentials(AKID, SECRET, null), "us-east-1", "service", false);
        var headers = signer.sign("GET", URI.create("https://example.amazonaws.com/?Param2=value2&Param1=value1"),
                new byte[0], SUITE_TIME);
        assertThat(signature(headers)).isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void canonicalUriEncodesTheEncodedModelIdAgain() {
        assertThat(SigV4Signer.canonicalUri("/model/us.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse"))
                .isEqualTo("/model/us.anthropic.claude-3-5-sonnet-20241022-v2%253A0/converse");
        assertThat(SigV4Signer.canonicalUri("")).isEqualTo("/");
        assertThat(SigV4Signer.encode("a b/ü:~")).isEqualTo("a%20b%2F%C3%BC%3A~");
    }

    @Test
    void matchesTheSdkSignerForBedrockRequests() {
        var plain = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", SECRET, null);
        var session = new AwsCredentials("ASIAIOSFODNN7EXAMPLE", SECRET, "IQoJb3JpZ2luX2VjE//session+token=");
        var base = "https://bedrock-runtime.us-east-1.amazonaws.com";
        String[][] cases = {
            {base + "/model/" + ModelPath.encodeId("us.anthropic.claude-3-5-sonnet-20241022-v2:0") + "/converse",
                    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}"},
            {base + "/model/" + ModelPath.encodeId("anthropic.claude-3-haiku-20240307-v1:0") + "/converse-stream",
                    "{\"messages\":[]}"},
            {base + "/model/" + ModelPath.encodeId("arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
                    + "us.meta.llama3-2-1b-instruct-v1:0") + "/converse", "{}"},
            {base + "/model/amazon.titan-embed-text-v2%3A0/invoke", "{\"inputText\":\"héllo wörld\"}"},
            {"http://127.0.0.1:45678/model/cohere.embed-english-v3/invoke", ""},
        };
        for (var credentials : new AwsCredentials[] {plain, session}) {
            for (var c : cases) {
                var uri = URI.create(c[0]);
                var body = c[1].getBytes(StandardCharsets.UTF_8);
                var ours = SigV4Signer.bedrock(credentials, "us-east-1").sign("POST", uri, body, NOW);
                assertThat(ours.get("Authorization")).as(c[0]).isEqualTo(sdkAuthorization(credentials, uri, body));
                assertThat(ours.get("x-amz-security-token")).isEqualTo(credentials.sessionToken());
                assertThat(ours.get("Authorization")).contains(credentials.sessionToken() == null
                        ? "SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                        : "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,");
            }
        }
    }

    /** The AWS SDK's signature for the same request: host only, as our signer signs it. */
    static String sdkAuthorization(AwsCredentials credentials, URI uri, byte[] body) {
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).build();
        AwsCredentialsIdentity identity = credentials.sessionToken() == null
                ? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken());
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElseThrow();
    }
}

package dev.warden.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The fake is as strict as Bedrock: forged signatures, wrong keys and malformed bodies get Bedrock's errors. */
class FakeBedrockUpstreamTest {
    private final FakeBedrockUpstream fake = FakeBedrockUpstream.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    private record Answer(int status, String errorType, String body) {}

    /** Signs {@code signedBody} with the AWS SDK, sends {@code sentBody}. */
    private Answer send(String path, String signedBody, String sentBody, String secret) throws Exception {
        var uri = URI.create(fake.baseUrl() + path);
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(FakeBedrockUpstream.ACCESS_KEY_ID, secret))
                .request(request).payload(ContentStreamProvider.fromUtf8String(signedBody))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, FakeBedrockUpstream.REGION)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"),
                        ZoneOffset.UTC)));
        var builder = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(sentBody));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                builder.header(name, values.getFirst());
            }
        });
        return answer(builder.build());
    }

    private Answer answer(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var type = response.headers().firstValue("x-amzn-errortype").orElse("");
        return new Answer(response.statusCode(), type.contains(":") ? type.substring(0, type.indexOf(':')) : type,
                response.body());
    }

    private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}]}";

    @Test
    void aCorrectlySignedRequestIsAnswered() throws Exception {
        var answer = send("/model/meta.llama3-8b-instruct-v1%3A0/converse", HELLO, HELLO, FakeBedrockUpstream.SECRET);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Echo: Hi");
    }

    @Test
    void aBodyChangedAfterSigningFailsTheSignature() throws Exception {
        var tampered = HELLO.replace("Hi", "Ho");
        var answer = send("/model/meta.llama3-8b-instruct-v1%3A0/converse", HELLO, tampered,
                FakeBedrockUpstream.SECRET);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(answer.body()).contains("The request signature we calculated does not match");
    }

    @Test
    void aWrongSecretFailsTheSignature() throws Exception {
        var answer = send("/model/meta.llama3-8b-instruct-v1%3A0/converse", HELLO, HELLO, "not-the-secret");
        assertThat(answer.errorType()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aWrongBearerKeyIsRejected() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/model/cohere.embed-english-v3/invoke"))
                .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        var answer = answer(request);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorType()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void malformedBodiesGetValidationExceptions() throws Exception {
        var path = "/model/meta.llama3-8b-instruct-v1%3A0/converse";
        var secret = FakeBedrockUpstream.SECRET;
        assertThat(send(path, "{}", "{}", secret).body()).contains("must start with a user message");
        var notAlternating = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"text\":\"b\"}]}]}";
        assertThat(send(path, notAlternating, notAlternating, secret).body()).contains("must alternate");
        var blank = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\" \"}]}]}";
        assertThat(send(path, blank, blank, secret).body()).contains("is blank");
        var toolsWithoutConfig = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":"
                + "\"t\",\"content\":[]}}]}]}";
        assertThat(send(path, toolsWithoutConfig, toolsWithoutConfig, secret).body())
                .contains("toolConfig field must be defined");
        var extraneous = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a\"}]}],\"seed\":1}";
        var answer = send(path, extraneous, extraneous, secret);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("ValidationException");
        assertThat(answer.body()).contains("extraneous key [seed]");
        var cohere = "{\"texts\":[\"a\"]}";
        assertThat(send("/model/cohere.embed-english-v3/invoke", cohere, cohere, secret).body())
                .contains("required key [input_type] not found");
        assertThat(send("/model/nope.model-v1/converse", HELLO, HELLO, secret).body())
                .contains("The provided model identifier is invalid.");
    }
}

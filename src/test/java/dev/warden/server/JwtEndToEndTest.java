package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.warden.RunningGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callers who present an identity provider's JWT instead of a Warden key, through the running server. */
class JwtEndToEndTest {
    private static final String ISSUER = "https://idp.example.test/realms/acme";
    @TempDir
    static Path dir;
    private static RSAKey key;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        var jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        gateway = RunningGateway.start("""
                auth:
                  master_key: %s
                  jwt:
                    issuer: %s
                    audience: warden
                    jwks_file: %s
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                """.formatted(RunningGateway.MASTER_KEY, ISSUER, jwks), Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("warden").subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp-1").type(JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String ask(String token) {
        var client = OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:" + gateway.port() + "/v1")
                .apiKey(token).maxRetries(0).build();
        var completion = client.chat().completions().create(ChatCompletionCreateParams.builder().model("echo")
                .addUserMessage("hello from the IdP").build());
        return completion.choices().getFirst().message().content().orElseThrow();
    }

    @Test
    void aValidTokenFromTheIdentityProviderIsAcceptedByTheOfficialSdkAndLoggedAsItsSubject() throws Exception {
        var token = signed(claims("alice@example.com").build());
        assertThat(ask(token)).contains("hello from the IdP");
        var response = gateway.post("/v1/chat/completions",
                "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        var line = gateway.awaitLogLine(response.headers().firstValue("x-request-id").orElseThrow());
        assertThat(line).contains("\"principal\":\"alice@example.com\"").doesNotContain(token);
    }

    @Test
    void expiredWrongAudienceAndAlgorithmConfusionTokensAre401InTheOpenAiShape() throws Exception {
        var expired = signed(claims("bob").expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                .build());
        var wrongAudience = signed(claims("bob").audience("someone-else").build());
        // HS256 signed with the RSA public key as the HMAC secret: the classic algorithm-confusion forgery.
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("idp-1").build(),
                claims("mallory").build());
        forged.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        for (var token : List.of(expired, wrongAudience, forged.serialize())) {
            var response = gateway.post("/v1/chat/completions",
                    "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    "Authorization", "Bearer " + token, "Content-Type", "application/json");
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            var error = new ObjectMapper().readTree(response.body()).path("error");
            assertThat(error.path("message").asText()).startsWith("Invalid token: ");
            assertThat(error.path("type").asText()).isEqualTo("authentication_error");
            assertThat(response.body()).doesNotContain(token);
        }
        var sdkRejects = org.assertj.core.api.Assertions.catchThrowable(() -> ask(expired));
        assertThat(sdkRejects).isInstanceOf(UnauthorizedException.class);
    }
}

package dev.warden.auth.jwt;

import static dev.warden.auth.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.warden.auth.jwt.JwtRejected.Reason;
import dev.warden.config.JwtConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching key sets: bounded in time and size, files for air-gapped installs, unusable keys left out. */
class JwksSourceTest {

    @TempDir
    Path directory;

    @Test
    void aSlowIdpIsAbandonedWithinTheTimeouts() {
        try (var idp = new FakeIdp(TestKeys.RSA)) {
            idp.delay(Duration.ofSeconds(3));
            var source = JwksSource.url(idp.jwksUrl(), Duration.ofMillis(200), Duration.ofMillis(200));
            long started = System.nanoTime();
            assertThatExceptionOfType(IOException.class).isThrownBy(source::fetch).withMessageContaining("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void errorsAndJunkAreIoExceptions() throws IOException {
        try (var idp = new FakeIdp(TestKeys.RSA)) {
            var source = JwksSource.url(idp.jwksUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2));
            assertThat(source.fetch().getKeyByKeyId("rsa-1")).isNotNull();
            assertThat(source.fetch().getKeyByKeyId("rsa-1").isPrivate()).isFalse();

            idp.answerWith(404);
            assertThatExceptionOfType(IOException.class).isThrownBy(source::fetch).withMessageContaining("HTTP 404");
            idp.answerWith(200);
            idp.publishRaw("<html>login</html>");
            assertThatExceptionOfType(IOException.class).isThrownBy(source::fetch)
                    .withMessageContaining("not a valid key set");
            idp.publishRaw("{\"keys\":[],\"pad\":\"" + "x".repeat(JwksSource.MAX_BYTES) + "\"}");
            assertThatExceptionOfType(IOException.class).isThrownBy(source::fetch);
        }
    }

    @Test
    void aJwksFileServesAirGappedInstallsAndRotatesWhenReplaced() throws Exception {
        var file = directory.resolve("jwks.json");
        Files.writeString(file, new JWKSet(TestKeys.RSA).toPublicJWKSet().toString(), StandardCharsets.UTF_8);
        var config = Tokens.config(new JwtConfig.JwksFile(file), JwtConfig.Claims.DEFAULTS, List.of());
        var clock = new MutableClock(Tokens.NOW);
        try (var verifier = JwtVerifier.create(config, clock)) {
            assertThat(verifier.verify(Tokens.sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build())).subject())
                    .isEqualTo("alice");
            Files.writeString(file, new JWKSet(List.of(TestKeys.RSA, TestKeys.EC)).toPublicJWKSet().toString(),
                    StandardCharsets.UTF_8);
            assertThat(verifier.verify(Tokens.sign(TestKeys.EC, JWSAlgorithm.ES256, claims().build())).subject())
                    .isEqualTo("alice");
        }
        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> JwksSource.file(directory.resolve("missing.json")).fetch());
    }

    @Test
    void keysThatMustNotVerifyTokensAreLeftOut() throws Exception {
        var weak = new RSAKeyGenerator(1024, true).keyID("weak").generate();
        var encryption = new RSAKey.Builder(TestKeys.rsa("enc")).keyUse(KeyUse.ENCRYPTION).build();
        var symmetric = new OctetSequenceKeyGenerator(256).keyID("oct").generate();
        var snapshot = KeySnapshot.of(new JWKSet(List.of(weak.toPublicJWK(), encryption.toPublicJWK(), symmetric,
                TestKeys.EC.toPublicJWK())));
        assertThat(snapshot.size()).isEqualTo(1);
        assertThat(snapshot.knows("ec-1")).isTrue();

        var clock = new MutableClock(Tokens.NOW);
        var config = Tokens.config(new JwtConfig.JwksUrl(java.net.URI.create("https://idp.test/jwks")),
                JwtConfig.Claims.DEFAULTS, List.of());
        try (var verifier = JwtVerifier.create(config, clock, () -> new JWKSet(List.of(weak.toPublicJWK(),
                encryption.toPublicJWK())))) {
            var weakSigner = new RSASSASigner(weak.toPrivateKey(), true);
            for (var token : List.of(Tokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("weak").build(),
                            weakSigner, claims().build()),
                    Tokens.sign(encryption, JWSAlgorithm.RS256, claims().build()))) {
                assertThat(assertThatExceptionOfType(JwtRejected.class).isThrownBy(() -> verifier.verify(token))
                        .actual().reason()).isEqualTo(Reason.UNKNOWN_KEY);
            }
        }
    }
}

package dev.warden.auth.jwt;

import static dev.warden.auth.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import dev.warden.auth.jwt.JwtRejected.Reason;
import dev.warden.config.JwtConfig;
import dev.warden.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A shared HMAC secret instead of a key set: HS256 only, and nothing signed with anything else. */
class HmacJwtTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";
    private final JwtConfig config = Tokens.config(new JwtConfig.HmacSecret(new Secret(SECRET)),
            JwtConfig.Claims.DEFAULTS, List.of());

    @Test
    void hs256WithTheSecretIsAccepted() throws Exception {
        try (var verifier = JwtVerifier.create(config, new MutableClock(Tokens.NOW))) {
            assertThat(verifier.verify(hs256(SECRET)).subject()).isEqualTo("alice");
        }
    }

    @Test
    void anotherSecretOrAPublicKeyAlgorithmIsRefused() throws Exception {
        try (var verifier = JwtVerifier.create(config, new MutableClock(Tokens.NOW))) {
            assertThat(reason(verifier, hs256("another-secret-of-at-least-32-bytes!!")))
                    .isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(reason(verifier, Tokens.sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build())))
                    .isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
            var hs512 = Tokens.sign(new JWSHeader(JWSAlgorithm.HS512),
                    new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)), claims().build());
            assertThat(reason(verifier, hs512)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    @Test
    void aKeySourceCannotBeAddedToAnHmacConfiguration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JwtVerifier.create(config, new MutableClock(Tokens.NOW), JWKSet::new))
                .withMessageContaining("hmac_secret");
    }

    private static String hs256(String secret) throws JOSEException {
        return Tokens.sign(new JWSHeader(JWSAlgorithm.HS256), new MACSigner(secret.getBytes(StandardCharsets.UTF_8)),
                claims().build());
    }

    private static Reason reason(JwtVerifier verifier, String token) {
        return assertThatExceptionOfType(JwtRejected.class).isThrownBy(() -> verifier.verify(token)).actual()
                .reason();
    }
}

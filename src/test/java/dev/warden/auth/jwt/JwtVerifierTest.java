package dev.warden.auth.jwt;

import static dev.warden.auth.jwt.Tokens.NOW;
import static dev.warden.auth.jwt.Tokens.claims;
import static dev.warden.auth.jwt.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import dev.warden.auth.jwt.JwtRejected.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real tokens signed with RSA and EC keys, verified against a JWKS served on loopback; every way to fail. */
class JwtVerifierTest {

    private final MutableClock clock = new MutableClock(NOW);
    private FakeIdp idp;
    private JwtVerifier verifier;

    @BeforeEach
    void start() {
        idp = new FakeIdp(TestKeys.RSA, TestKeys.EC);
        verifier = JwtVerifier.create(Tokens.config(idp.jwksUrl()), clock);
    }

    @AfterEach
    void stop() {
        verifier.close();
        idp.close();
    }

    @Test
    void rs256TokenIdentifiesTheCaller() throws JwtRejected {
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims()
                .claim("email", "alice@example.com")
                .claim("groups", List.of("ml-platform", "search"))
                .claim("roles", List.of("admin"))
                .build());
        var identity = verifier.verify(token);
        assertThat(identity).isEqualTo(new JwtIdentity("alice", "alice@example.com", List.of("ml-platform", "search"),
                null, java.util.Set.of("admin"), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void es256AndPs256TokensAreAccepted() throws JwtRejected {
        assertThat(verifier.verify(sign(TestKeys.EC, JWSAlgorithm.ES256, claims().subject("ec-user").build()))
                .subject()).isEqualTo("ec-user");
        assertThat(verifier.verify(sign(TestKeys.RSA, JWSAlgorithm.PS256, claims().subject("ps-user").build()))
                .subject()).isEqualTo("ps-user");
    }

    @Test
    void aTokenWithoutKidIsMatchedAgainstTheKeysOfItsType() throws JwtRejected {
        var token = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), Tokens.signer(TestKeys.EC),
                claims().build());
        assertThat(verifier.verify(token).subject()).isEqualTo("alice");
    }

    @Test
    void anyConfiguredAudienceInAnAudienceListIsEnough() throws JwtRejected {
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().audience(List.of("other", "api://warden"))
                .build());
        assertThat(verifier.verify(token).subject()).isEqualTo("alice");
    }

    @Test
    void malformedTokens() {
        var valid = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build());
        var parts = valid.split("\\.");
        var encoder = Base64.getUrlEncoder().withoutPadding();
        for (var token : List.of("", "not-a-jwt", "wk-0123456789abcdef", "a.b.c", parts[0] + "." + parts[1],
                valid + ".extra", parts[0] + ".." + parts[2], valid.replace('.', ' '),
                encoder.encodeToString("{\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."
                        + parts[2],
                encoder.encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "x".repeat(40_000) + "." + parts[2])) {
            assertThat(rejection(token)).as(token.length() > 80 ? token.substring(0, 80) : token)
                    .isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void aCorrectlySignedPayloadThatIsNotAClaimsSetIsMalformed() {
        assertThat(rejection(Tokens.signPayload(TestKeys.RSA, JWSAlgorithm.RS256, "just text")))
                .isEqualTo(Reason.MALFORMED);
        assertThat(rejection(Tokens.signPayload(TestKeys.RSA, JWSAlgorithm.RS256, "{\"exp\":\"tomorrow\"}")))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void unsignedTokensAreRefusedWhateverTheSpellingOfNone() {
        var plain = new PlainJWT(claims().build()).serialize();
        assertThat(rejection(plain)).isEqualTo(Reason.UNSECURED);
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var shouting = encoder.encodeToString("{\"alg\":\"NONE\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + plain.split("\\.")[1] + ".";
        assertThat(rejection(shouting)).isEqualTo(Reason.UNSECURED);
    }

    @Test
    void anAlgorithmOutsideTheListIsRefused() {
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS384, claims().build())))
                .isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hmacSignedWithThePublicKeyAsSecretIsAlgorithmConfusion() throws JOSEException {
        // The attack: the RSA public key is public, so an attacker HMACs a token with its bytes and hopes the
        // verifier feeds the same bytes to an HMAC check.
        byte[] der = TestKeys.RSA.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
                TestKeys.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            var token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), new MACSigner(secret),
                    claims().build());
            assertThat(rejection(token)).isEqualTo(Reason.ALGORITHM_CONFUSION);
        }
    }

    @Test
    void aSignatureByAnotherKeyOrOverAlteredClaimsIsBad() {
        // Same kid as the published key, different key pair.
        assertThat(rejection(sign(TestKeys.RSA_ATTACKER, JWSAlgorithm.RS256, claims().build())))
                .isEqualTo(Reason.BAD_SIGNATURE);
        var valid = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build()).split("\\.");
        var forged = Tokens.sign(TestKeys.RSA_ATTACKER, JWSAlgorithm.RS256, claims().subject("root").build())
                .split("\\.");
        assertThat(rejection(valid[0] + "." + forged[1] + "." + valid[2])).isEqualTo(Reason.BAD_SIGNATURE);
        // A stripped signature under a signing alg is not a JWS at all.
        assertThat(rejection(valid[0] + "." + valid[1] + ".")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void keysEmbeddedInTheTokenHeaderAreNeverTrusted() {
        // jwk and jku headers let a token bring its own key; only the configured key set counts.
        var attacker = TestKeys.RSA_ATTACKER;
        var withOwnKey = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").jwk(attacker.toPublicJWK())
                .jwkURL(java.net.URI.create("https://evil.test/jwks")).build();
        assertThat(rejection(sign(withOwnKey, Tokens.signer(attacker), claims().build())))
                .isEqualTo(Reason.BAD_SIGNATURE);
        var unknownKid = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("evil").jwk(attacker.toPublicJWK()).build();
        assertThat(rejection(sign(unknownKid, Tokens.signer(attacker), claims().build())))
                .isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void anUnknownKidIsRefusedAfterOneRefetch() {
        int before = idp.fetches();
        var stranger = TestKeys.rsaWithKid(TestKeys.STRANGER, "stranger");
        assertThat(rejection(sign(stranger, JWSAlgorithm.RS256, claims().build())))
                .isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(idp.fetches()).isEqualTo(before + 1);
    }

    @Test
    void aKidWhoseKeyDoesNotFitTheAlgorithmIsUnknown() {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rsa-1").build();
        assertThat(rejection(sign(header, Tokens.signer(TestKeys.EC), claims().build())))
                .isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void expiryHonoursTheClockSkewToTheSecond() throws JwtRejected {
        var exp = NOW.plus(Duration.ofMinutes(5));
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build());
        clock.set(exp.plusSeconds(60));
        assertThat(verifier.verify(token).expiresAt()).isEqualTo(exp);
        clock.set(exp.plusSeconds(61));
        assertThat(rejection(token)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void notBeforeHonoursTheClockSkewToTheSecond() throws JwtRejected {
        var nbf = NOW.plus(Duration.ofMinutes(2));
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().notBeforeTime(Date.from(nbf)).build());
        clock.set(nbf.minusSeconds(61));
        assertThat(rejection(token)).isEqualTo(Reason.NOT_YET_VALID);
        clock.set(nbf.minusSeconds(60));
        assertThat(verifier.verify(token).subject()).isEqualTo("alice");
    }

    @Test
    void theInjectedClockDecidesNotTheSystemClock() {
        // Valid by the system clock (issued now, for an hour), but the injected clock is in 2026.
        var realNow = Instant.now();
        clock.set(realNow.plus(Duration.ofDays(2)));
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().issueTime(Date.from(realNow))
                .expirationTime(Date.from(realNow.plus(Duration.ofHours(1)))).build());
        assertThat(rejection(token)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().expirationTime(null).build())))
                .isEqualTo(Reason.MISSING_EXPIRY);
    }

    @Test
    void wrongOrMissingIssuer() {
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().issuer("https://evil.test").build())))
                .isEqualTo(Reason.WRONG_ISSUER);
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().issuer(Tokens.ISSUER + "/").build())))
                .isEqualTo(Reason.WRONG_ISSUER);
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().issuer(null).build())))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void wrongOrMissingAudience() {
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().audience("billing").build())))
                .isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(rejection(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().audience((String) null).build())))
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void aTokenWithoutTheUserClaimIsRefused() {
        var rejected = rejected(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().subject(null).build()));
        assertThat(rejected.reason()).isEqualTo(Reason.MISSING_CLAIM);
        assertThat(rejected.getMessage()).isEqualTo("The JWT lacks the required claim 'sub'.");
    }

    @Test
    void rejectionMessagesSaySomethingUsefulAndNothingFromTheToken() {
        var token = sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().issuer("https://evil.test/<script>").build());
        var rejected = rejected(token);
        assertThat(rejected.getMessage()).isEqualTo("The JWT was issued by an issuer (iss) this gateway does not "
                + "trust.").doesNotContain("evil");
        assertThat(rejected.getStackTrace()).isEmpty();
    }

    @Test
    void looksLikeJwtTellsTokensFromWardenKeys() {
        assertThat(verifier.looksLikeJwt(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims().build()))).isTrue();
        assertThat(verifier.looksLikeJwt(new PlainJWT(claims().build()).serialize())).isTrue();
        var header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        for (var bearer : List.of("wk-3f9a0c1d2e", "sk-proj-abc.def", "", "a.b.c", "x.y", header + ".e30.sig",
                "eyJhbGciOiJSUzI1NiJ9.e30.c2ln.more", "eyJhbGciOiJSUzI1NiJ9 .e30.c2ln")) {
            assertThat(verifier.looksLikeJwt(bearer)).as(bearer).isFalse();
        }
        assertThat(verifier.looksLikeJwt("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
    }

    private Reason rejection(String token) {
        return rejected(token).reason();
    }

    private JwtRejected rejected(String token) {
        var rejected = assertThatExceptionOfType(JwtRejected.class)
                .isThrownBy(() -> verifier.verify(token))
                .actual();
        for (var segment : token.split("\\.")) {
            if (segment.length() >= 8) {
                assertThat(rejected.getMessage()).doesNotContain(segment);
            }
        }
        return rejected;
    }
}

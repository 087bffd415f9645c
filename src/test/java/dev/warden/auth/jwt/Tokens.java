package dev.warden.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.config.JwtAlgorithm;
import dev.warden.config.JwtConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signing real tokens the way an identity provider would, and the config that accepts them. */
final class Tokens {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ISSUER = "https://idp.test/realms/acme";
    static final String AUDIENCE = "warden";

    private Tokens() {
    }

    /** Claims a valid token carries: issuer, audience, subject, issued now, valid for five minutes. */
    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))));
    }

    /** Signed with the key's own kid in the header. */
    static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), signer(key), claims);
    }

    static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWS whose payload is not a claims set at all, correctly signed. */
    static String signPayload(JWK key, JWSAlgorithm algorithm, String payload) {
        try {
            var jws = new JWSObject(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                    new Payload(payload));
            jws.sign(signer(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSSigner signer(JWK key) {
        try {
            return switch (key) {
                case RSAKey rsa -> new RSASSASigner(rsa);
                case ECKey ec -> new ECDSASigner(ec);
                default -> throw new IllegalArgumentException(key.getKeyType().toString());
            };
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The config a test IdP is trusted with: RS256, ES256 and PS256, defaults otherwise. */
    static JwtConfig config(URI jwksUrl) {
        return config(new JwtConfig.JwksUrl(jwksUrl), JwtConfig.Claims.DEFAULTS, List.of());
    }

    static JwtConfig config(JwtConfig.Keys keys, JwtConfig.Claims claims, List<String> required) {
        var algorithms = keys instanceof JwtConfig.HmacSecret ? List.of(JwtAlgorithm.HS256)
                : List.of(JwtAlgorithm.RS256, JwtAlgorithm.ES256, JwtAlgorithm.PS256);
        return new JwtConfig(ISSUER, List.of(AUDIENCE, "api://warden"), keys, algorithms,
                JwtConfig.DEFAULT_CLOCK_SKEW, JwtConfig.DEFAULT_JWKS_REFRESH,
                JwtConfig.DEFAULT_JWKS_MIN_REFETCH_INTERVAL, claims, required);
    }
}

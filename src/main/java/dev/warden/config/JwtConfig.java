package dev.warden.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Accepting JWTs from an identity provider (Okta, Entra ID, Keycloak) as bearer credentials. YAML section
 * {@code auth.jwt}; absent means JWTs are not accepted.
 *
 * @param issuer the exact {@code iss} every token must carry (key {@code issuer})
 * @param audiences the accepted {@code aud} values; a token must name at least one (key {@code audience})
 * @param keys where signatures are checked against: a JWKS URL, a local JWKS file, or an HMAC secret
 * @param algorithms the signing algorithms accepted (key {@code algorithms}); all of one family, see {@link Keys}
 * @param clockSkew tolerance on {@code exp} and {@code nbf} (key {@code clock_skew}, default 60s)
 * @param jwksRefresh how often the key set is fetched again in the background (key {@code jwks_refresh}, 10m)
 * @param jwksMinRefetchInterval the least time between two fetches caused by an unknown {@code kid} (key
 *                               {@code jwks_min_refetch_interval}, 30s), so random kids cannot flood the IdP
 * @param claims which claims carry the caller's identity (key {@code claims})
 * @param requiredClaims claims every token must carry besides the user claim (key {@code required_claims})
 */
public record JwtConfig(String issuer, List<String> audiences, Keys keys, List<JwtAlgorithm> algorithms,
        Duration clockSkew, Duration jwksRefresh, Duration jwksMinRefetchInterval, Claims claims,
        List<String> requiredClaims) {

    public static final List<JwtAlgorithm> DEFAULT_ALGORITHMS = List.of(JwtAlgorithm.RS256, JwtAlgorithm.ES256);
    public static final List<JwtAlgorithm> DEFAULT_HMAC_ALGORITHMS = List.of(JwtAlgorithm.HS256);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JWKS_REFRESH = Duration.ofMinutes(10);
    public static final Duration DEFAULT_JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /**
     * The verification key material. A sealed choice rather than three nullable fields because an HMAC secret
     * beside a public key set is the classic algorithm-confusion setup: exactly one of them is ever configured.
     */
    public sealed interface Keys {
    }

    /** A JWKS published by the identity provider (key {@code jwks_url}). */
    public record JwksUrl(URI url) implements Keys {
        public JwksUrl {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A JWKS JSON file on disk, for installations that cannot reach the identity provider (key {@code jwks_file}). */
    public record JwksFile(Path file) implements Keys {
        public JwksFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A shared secret for HS256/384/512 tokens (key {@code hmac_secret}); its UTF-8 bytes are the HMAC key. */
    public record HmacSecret(Secret secret) implements Keys {
        public HmacSecret {
            Objects.requireNonNull(secret, "secret");
        }
    }

    /**
     * Claim names; each may be a dotted path into nested objects ({@code realm_access.roles}), and a claim whose
     * own name contains dots (a URL-named claim) is found first.
     *
     * @param user the caller's id (key {@code user}, default {@code sub}); required in every token
     * @param email the caller's email (key {@code email}, default {@code email}); optional in the token
     * @param teams a string or a list of strings (key {@code teams}, default {@code groups})
     * @param org the caller's organisation (key {@code org}); null when not mapped
     * @param roles a string or a list of strings (key {@code roles}, default {@code roles})
     */
    public record Claims(String user, String email, String teams, @Nullable String org, String roles) {

        public static final Claims DEFAULTS = new Claims("sub", "email", "groups", null, "roles");

        public Claims {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(teams, "teams");
            Objects.requireNonNull(roles, "roles");
        }
    }

    public JwtConfig {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(jwksRefresh, "jwksRefresh");
        Objects.requireNonNull(jwksMinRefetchInterval, "jwksMinRefetchInterval");
        Objects.requireNonNull(claims, "claims");
        audiences = List.copyOf(audiences);
        algorithms = List.copyOf(algorithms);
        requiredClaims = List.copyOf(requiredClaims);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one audience is required");
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one algorithm is required");
        }
        boolean hmacKeys = keys instanceof HmacSecret;
        for (var algorithm : algorithms) {
            if (algorithm.hmac() != hmacKeys) {
                throw new IllegalArgumentException(algorithm + " does not fit the configured keys");
            }
        }
    }
}

package dev.warden.auth.jwt;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.config.JwtAlgorithm;
import dev.warden.config.JwtConfig;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Verifies identity-provider JWTs presented as bearer credentials and says who they identify. Thread-safe; one
 * per configuration, closed on shutdown (it owns the background JWKS refresh).
 *
 * <p>The order of checks is fixed: shape, {@code alg} (unsigned, HMAC against public keys, not allowed),
 * signature, then claims. Nothing in a token is believed before its signature verifies, except the header needed
 * to choose the key.
 */
public final class JwtVerifier implements AutoCloseable {

    /** Bounds for fetching the JWKS: a refetch can run on a request thread, so it must be quick or fail. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final Set<JWSAlgorithm> allowed;
    private final String allowedNames;
    private final boolean publicKeys;
    private final SignatureCheck signatures;
    private final ClaimCheck claims;
    private final @Nullable JwksCache cache;
    private final @Nullable AutoCloseable ownedSource;

    private JwtVerifier(JwtConfig config, InstantSource clock, SignatureCheck signatures, @Nullable JwksCache cache,
            @Nullable AutoCloseable ownedSource) {
        this.allowed = config.algorithms().stream().map(JwtVerifier::toNimbus).collect(Collectors.toUnmodifiableSet());
        this.allowedNames = config.algorithms().stream().map(JwtAlgorithm::name).collect(Collectors.joining(", "));
        this.publicKeys = !(config.keys() instanceof JwtConfig.HmacSecret);
        this.signatures = signatures;
        this.claims = new ClaimCheck(config, clock);
        this.cache = cache;
        this.ownedSource = ownedSource;
    }

    /**
     * A verifier for the configured keys: the JWKS URL (fetched with 2 s connect and 2 s read limits), the JWKS
     * file, or the HMAC secret. A key set is fetched once before this returns; if that fails the verifier still
     * starts, refuses tokens with {@link JwtRejected.Reason#KEYS_UNAVAILABLE} and keeps retrying.
     */
    public static JwtVerifier create(JwtConfig config, InstantSource clock) {
        return switch (config.keys()) {
            case JwtConfig.JwksUrl(var url) -> {
                var source = new HttpJwksSource(url, CONNECT_TIMEOUT, READ_TIMEOUT);
                yield withKeySet(config, clock, source, source);
            }
            case JwtConfig.JwksFile(var file) -> withKeySet(config, clock, JwksSource.file(file), null);
            case JwtConfig.HmacSecret(var secret) -> {
                try {
                    var verifier = new MACVerifier(secret.value().getBytes(StandardCharsets.UTF_8));
                    yield new JwtVerifier(config, clock, new SecretSignature(verifier), null, null);
                } catch (JOSEException tooShort) {
                    throw new IllegalArgumentException("hmac_secret is too short for HMAC verification: "
                            + tooShort.getMessage(), tooShort);
                }
            }
        };
    }

    /**
     * A verifier that takes its public keys from {@code source} (which stays the caller's to close), for key
     * sources other than the configured URL or file, and for tests that count fetches.
     *
     * @throws IllegalArgumentException when the config uses an HMAC secret rather than a key set
     */
    public static JwtVerifier create(JwtConfig config, InstantSource clock, JwksSource source) {
        if (config.keys() instanceof JwtConfig.HmacSecret) {
            throw new IllegalArgumentException("this configuration verifies with hmac_secret, not a key set");
        }
        return withKeySet(config, clock, source, null);
    }

    private static JwtVerifier withKeySet(JwtConfig config, InstantSource clock, JwksSource source,
            @Nullable AutoCloseable owned) {
        var cache = JwksCache.start(source, clock, config.jwksRefresh(), config.jwksMinRefetchInterval());
        return new JwtVerifier(config, clock, new KeySetSignatures(cache), cache, owned);
    }

    /**
     * Whether a bearer credential is shaped like a JWT (three base64url segments, a JSON header with an
     * {@code alg}), so it goes to {@link #verify} rather than the key lookup. No cryptography, no clock: cheap.
     */
    public boolean looksLikeJwt(String bearer) {
        return JwtShape.header(bearer).isPresent();
    }

    /**
     * The identity a valid token carries.
     *
     * @throws JwtRejected with the reason the token is refused; its message is safe to send to the caller
     */
    public JwtIdentity verify(String token) throws JwtRejected {
        Objects.requireNonNull(token, "token");
        var header = JwtShape.header(token).orElseThrow(JwtVerifier::malformed);
        String alg = (String) header.get("alg");
        if (Algorithm.NONE.getName().equals(alg.toLowerCase(Locale.ROOT))) {
            throw new JwtRejected(JwtRejected.Reason.UNSECURED, "Unsigned JWTs (alg none) are not accepted.");
        }
        var algorithm = JWSAlgorithm.parse(alg);
        if (publicKeys && JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            // The classic confusion: an HS256 token "signed" with our public key as the secret.
            throw new JwtRejected(JwtRejected.Reason.ALGORITHM_CONFUSION, "HMAC-signed JWTs are not accepted: "
                    + "this gateway verifies tokens with the identity provider's public keys.");
        }
        if (!allowed.contains(algorithm)) {
            throw new JwtRejected(JwtRejected.Reason.ALGORITHM_NOT_ALLOWED, "The JWT's signing algorithm is not "
                    + "accepted (accepted: " + allowedNames + ").");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException invalid) {
            throw malformed();
        }
        signatures.verify(jwt);
        try {
            return claims.identify(jwt.getJWTClaimsSet());
        } catch (ParseException invalid) {
            throw new JwtRejected(JwtRejected.Reason.MALFORMED, "The JWT claims are not a valid claims set.");
        }
    }

    private static JwtRejected malformed() {
        return new JwtRejected(JwtRejected.Reason.MALFORMED, "The bearer token is not a well-formed JWT.");
    }

    private static JWSAlgorithm toNimbus(JwtAlgorithm algorithm) {
        return JWSAlgorithm.parse(algorithm.name());
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
        if (ownedSource != null) {
            try {
                ownedSource.close();
            } catch (Exception ignored) {
                // Closing an HTTP client cannot fail in a way worth reporting at shutdown.
            }
        }
    }
}

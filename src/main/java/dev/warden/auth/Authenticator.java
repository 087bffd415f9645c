package dev.warden.auth;

import dev.warden.auth.jwt.JwtRejected;
import dev.warden.auth.jwt.JwtVerifier;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.pipeline.Principal;
import dev.warden.secret.KeyHasher;
import dev.warden.secret.KeyMinter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Turns a presented credential into a {@link Principal}: the master key, a virtual key looked up in memory by its
 * HMAC, or a JWT from the configured identity provider. Shared by the gateway's authenticate stage and the admin API. The master key is compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither its content nor its length leaks through timing; a
 * virtual key is found by its keyed hash, which reveals nothing about other keys.
 */
public final class Authenticator {
    /** The virtual keys and how presented keys are hashed to find them. */
    private record Keys(KeyRing ring, KeyHasher hasher) {}

    private final byte[] masterKeyDigest;
    private final Optional<Keys> keys;
    private final Optional<JwtVerifier> jwt;
    private final InstantSource clock;
    /** Never updated itself, only cloned: a clone skips the provider lookup of {@code getInstance} per request. */
    private final MessageDigest sha256 = sha256();

    private Authenticator(byte[] masterKeyDigest, Optional<Keys> keys, Optional<JwtVerifier> jwt,
            InstantSource clock) {
        this.masterKeyDigest = masterKeyDigest;
        this.keys = keys;
        this.jwt = jwt;
        this.clock = clock;
    }

    /**
     * @param jwt the verifier of identity-provider tokens, when {@code auth.jwt} is configured
     */
    public static Authenticator create(String masterKey, KeyRing ring, KeyHasher hasher, Optional<JwtVerifier> jwt,
            InstantSource clock) {
        return new Authenticator(masterDigest(masterKey), Optional.of(new Keys(ring, hasher)), jwt, clock);
    }

    /** Master key only: for tools and tests that run without a database. */
    public static Authenticator masterOnly(String masterKey) {
        return new Authenticator(masterDigest(masterKey), Optional.empty(), Optional.empty(),
                InstantSource.system());
    }

    private static byte[] masterDigest(String masterKey) {
        if (masterKey.isBlank()) {
            throw new IllegalArgumentException("the master key must not be blank");
        }
        return digest(masterKey);
    }

    /** @throws ApiException 401 when the credential is missing, unknown, disabled, revoked or expired */
    public Principal authenticate(Optional<String> credential) {
        if (credential.isEmpty() || credential.get().isEmpty()) {
            throw new ApiException(new ApiError.Unauthenticated(
                    "Missing API key. Send it as 'Authorization: Bearer <key>' or in the 'x-api-key' header."));
        }
        var presented = credential.get();
        if (keys.isPresent() && KeyMinter.looksLikeVirtualKey(presented)) {
            return virtualKey(keys.get(), presented);
        }
        if (keys.isPresent() && jwt.isPresent() && jwt.get().looksLikeJwt(presented)) {
            return token(jwt.get(), keys.get().ring(), presented);
        }
        if (MessageDigest.isEqual(masterKeyDigest, digestWithClone(presented))) {
            return Principal.MASTER;
        }
        throw invalid();
    }

    private static Principal token(JwtVerifier verifier, KeyRing ring, String presented) {
        try {
            return JwtPrincipals.of(verifier.verify(presented), ring.directory());
        } catch (JwtRejected rejected) {
            if (rejected.reason() == JwtRejected.Reason.KEYS_UNAVAILABLE) {
                // The identity provider's keys cannot be fetched: an outage, not the caller's fault.
                throw new ApiException(new ApiError.Unavailable("Cannot verify the token now: the identity"
                        + " provider's keys are unavailable. Try again shortly."));
            }
            throw new ApiException(new ApiError.Unauthenticated("Invalid token: " + rejected.getMessage()));
        }
    }

    private Principal virtualKey(Keys keys, String presented) {
        var entry = keys.ring().find(keys.hasher().hash(presented)).orElseThrow(Authenticator::invalid);
        var key = entry.key();
        var now = clock.instant();
        if (key.revokedAt() != null) {
            throw new ApiException(new ApiError.Unauthenticated("This API key has been revoked."));
        }
        if (!key.enabled()) {
            throw new ApiException(new ApiError.Unauthenticated("This API key is disabled."));
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            throw new ApiException(new ApiError.Unauthenticated("This API key expired at "
                    + DateTimeFormatter.ISO_INSTANT.format(key.expiresAt()) + "."));
        }
        keys.ring().touched(key.id(), now);
        return entry.principal();
    }

    private static ApiException invalid() {
        return new ApiException(new ApiError.Unauthenticated("Invalid API key."));
    }

    private static byte[] digest(String key) {
        return sha256().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] digestWithClone(String key) {
        try {
            return ((MessageDigest) sha256.clone()).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            return digest(key); // the JDK's SHA-256 clones; another provider's might not
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}

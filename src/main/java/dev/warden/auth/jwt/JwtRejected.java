package dev.warden.auth.jwt;

import java.util.Objects;

/**
 * A token that is not accepted, and why. The message is safe to show the caller: it never contains the token or
 * anything else the caller sent. Expected on the request path (and sprayed by attackers), so it carries no stack
 * trace.
 */
public final class JwtRejected extends Exception {

    /** Why a token was refused; each is checked by its own rule. */
    public enum Reason {
        /** Not a compact JWS with a JSON header and claims (including encrypted tokens). */
        MALFORMED,
        /** {@code alg: none}: an unsigned token. */
        UNSECURED,
        /** Signed with an algorithm outside the configured list. */
        ALGORITHM_NOT_ALLOWED,
        /** HMAC-signed while a public key set is configured: the algorithm-confusion attack. */
        ALGORITHM_CONFUSION,
        /** No published key has the token's {@code kid} (or fits its algorithm), even after refetching the set. */
        UNKNOWN_KEY,
        /** No key set could be loaded from the identity provider yet: the fault is ours, not the caller's. */
        KEYS_UNAVAILABLE,
        /** The signature does not verify. */
        BAD_SIGNATURE,
        /** No {@code exp}: a token that never expires is not accepted. */
        MISSING_EXPIRY,
        /** {@code exp} is past, beyond the allowed clock skew. */
        EXPIRED,
        /** {@code nbf} is ahead, beyond the allowed clock skew. */
        NOT_YET_VALID,
        /** {@code iss} is not the configured issuer. */
        WRONG_ISSUER,
        /** {@code aud} names none of the configured audiences. */
        WRONG_AUDIENCE,
        /** The user claim or a required claim is absent. */
        MISSING_CLAIM,
        /** A mapped claim has the wrong type, e.g. teams as a number. */
        INVALID_CLAIM
    }

    private final Reason reason;

    JwtRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}

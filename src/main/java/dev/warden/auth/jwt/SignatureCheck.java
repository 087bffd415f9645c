package dev.warden.auth.jwt;

import com.nimbusds.jwt.SignedJWT;

/**
 * Checks a token's signature against the configured key material: a fetched public key set or one shared secret,
 * never both (the config refuses that), so the HMAC-with-a-public-key confusion cannot be configured.
 */
sealed interface SignatureCheck permits KeySetSignatures, SecretSignature {

    /** Returns normally when the signature verifies; the algorithm has been checked against the allowed list. */
    void verify(SignedJWT token) throws JwtRejected;
}

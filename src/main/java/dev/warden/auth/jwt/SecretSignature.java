package dev.warden.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.util.Objects;

/** HS256/384/512 signatures checked against the configured shared secret. */
record SecretSignature(MACVerifier verifier) implements SignatureCheck {

    SecretSignature {
        Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public void verify(SignedJWT token) throws JwtRejected {
        try {
            if (token.verify(verifier)) {
                return;
            }
        } catch (JOSEException | IllegalStateException unverifiable) {
            // Falls through to the rejection: nothing about the secret goes to the caller.
        }
        throw new JwtRejected(JwtRejected.Reason.BAD_SIGNATURE, "The JWT signature is invalid.");
    }
}

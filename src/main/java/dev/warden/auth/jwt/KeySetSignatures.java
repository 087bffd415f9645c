package dev.warden.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Objects;

/** Signatures checked against the identity provider's published keys. */
record KeySetSignatures(JwksCache keys) implements SignatureCheck {

    KeySetSignatures {
        Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void verify(SignedJWT token) throws JwtRejected {
        var header = token.getHeader();
        var snapshot = keys.current();
        var candidates = snapshot == null ? List.<KeySnapshot.Candidate>of() : snapshot.candidates(header);
        if (candidates.isEmpty()) {
            // A kid we have not seen may be a rotation at the IdP; the cache decides whether to ask again.
            snapshot = keys.refetch();
            if (snapshot == null) {
                throw new JwtRejected(JwtRejected.Reason.KEYS_UNAVAILABLE,
                        "The identity provider's signing keys are unavailable; try again later.");
            }
            candidates = snapshot.candidates(header);
            if (candidates.isEmpty()) {
                throw new JwtRejected(JwtRejected.Reason.UNKNOWN_KEY, header.getKeyID() != null
                        && !snapshot.knows(header.getKeyID())
                        ? "The JWT names a signing key (kid) the identity provider does not publish."
                        : "No published signing key fits the JWT's algorithm.");
            }
        }
        for (var candidate : candidates) {
            try {
                if (token.verify(candidate.verifier())) {
                    return;
                }
            } catch (JOSEException | IllegalStateException unverifiable) {
                // A key that cannot check this token is just not the one that signed it.
            }
        }
        throw new JwtRejected(JwtRejected.Reason.BAD_SIGNATURE, "The JWT signature is invalid.");
    }
}

package dev.warden.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The usable signing keys of one fetched JWKS, each with its verifier built once. Keys that cannot sign tokens
 * for us are left out here, so matching a token is a plain filter: encryption keys, symmetric keys (a JWKS must
 * never turn a public key into an HMAC secret), RSA keys under 2048 bits, and curves we do not verify.
 */
final class KeySnapshot {
    private static final Logger LOG = Logger.getLogger(KeySnapshot.class.getName());
    private static final int MIN_RSA_BITS = 2048;

    /** A published key that may verify tokens. */
    record Candidate(@Nullable String kid, JWK key, JWSVerifier verifier) {
        Candidate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(verifier, "verifier");
        }
    }

    private final List<Candidate> keys;

    private KeySnapshot(List<Candidate> keys) {
        this.keys = List.copyOf(keys);
    }

    static KeySnapshot of(JWKSet set) {
        var usable = new ArrayList<Candidate>();
        for (JWK key : set.getKeys()) {
            var verifier = verifier(key);
            if (verifier == null) {
                LOG.log(Level.FINE, () -> "JWKS key " + key.getKeyID() + " (" + key.getKeyType()
                        + ") is not usable for verifying tokens; ignored");
            } else {
                usable.add(new Candidate(key.getKeyID(), key, verifier));
            }
        }
        return new KeySnapshot(usable);
    }

    int size() {
        return keys.size();
    }

    /** True when some usable key carries this kid, whatever its type. */
    boolean knows(String kid) {
        return keys.stream().anyMatch(candidate -> kid.equals(candidate.kid()));
    }

    /** The keys that may have signed a token with this header: same kid when it names one, fitting its alg. */
    List<Candidate> candidates(JWSHeader header) {
        String kid = header.getKeyID();
        var algorithm = header.getAlgorithm();
        return keys.stream()
                .filter(candidate -> kid == null || kid.equals(candidate.kid()))
                .filter(candidate -> fits(candidate.key(), algorithm))
                .toList();
    }

    private static boolean fits(JWK key, JWSAlgorithm algorithm) {
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            return false;
        }
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return key instanceof RSAKey;
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            var curves = Curve.forJWSAlgorithm(algorithm);
            return key instanceof ECKey ec && curves != null && curves.contains(ec.getCurve());
        }
        return false;
    }

    private static @Nullable JWSVerifier verifier(JWK key) {
        if ((key.getKeyUse() != null && !key.getKeyUse().equals(KeyUse.SIGNATURE))
                || (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY))) {
            return null;
        }
        try {
            return switch (key) {
                case RSAKey rsa when rsa.size() >= MIN_RSA_BITS -> new RSASSAVerifier(rsa.toPublicJWK());
                case ECKey ec when List.of(Curve.P_256, Curve.P_384, Curve.P_521).contains(ec.getCurve()) ->
                        new ECDSAVerifier(ec.toPublicJWK());
                default -> null;
            };
        } catch (JOSEException unusable) {
            return null;
        }
    }
}

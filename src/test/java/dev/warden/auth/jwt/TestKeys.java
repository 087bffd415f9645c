package dev.warden.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Key pairs generated once per test run: RSA 2048 and EC P-256, plus ones the IdP never publishes. */
final class TestKeys {

    static final RSAKey RSA = rsa("rsa-1");
    static final RSAKey RSA_ROTATED = rsa("rsa-2");
    static final RSAKey RSA_ATTACKER = rsa("rsa-1");
    static final ECKey EC = ec("ec-1");
    /** A key the IdP never publishes, for tokens with kids it does not know. */
    static final RSAKey STRANGER = rsa("unused");

    private TestKeys() {
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key pair under another kid: cheap random kids without generating keys. */
    static RSAKey rsaWithKid(RSAKey key, String kid) {
        return new RSAKey.Builder(key).keyID(kid).build();
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

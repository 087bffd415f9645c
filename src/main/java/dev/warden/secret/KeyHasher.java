package dev.warden.secret;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes virtual keys with HMAC-SHA-256 under a key derived from the server secret. Keys are long random strings,
 * so a keyed fast hash is the right tool (no password stretching needed), and without the server secret a stolen
 * database dump cannot be used to test guesses.
 */
public final class KeyHasher {
    private final SecretKeySpec key;

    KeyHasher(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The hash of a presented key, as 64 lowercase hex digits. */
    public String hash(String presentedKey) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(presentedKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "KeyHasher[***]";
    }

}

package dev.warden.secret;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes new virtual keys: {@code wk-} and 43 base64url characters (256 random bits). The prefix makes leaked keys
 * recognisable to secret scanners and tells Warden a presented credential is a virtual key, not a JWT.
 */
public final class KeyMinter {
    public static final String PREFIX = "wk-";
    /** Characters of the secret part shown to people to tell keys apart; 36 bits, far from guessable. */
    private static final int SHOWN = 6;

    private final SecureRandom random;

    public KeyMinter(SecureRandom random) {
        this.random = random;
    }

    public String mint() {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What may be shown and stored in clear: {@code wk-AbC12x…}. */
    public static String displayPrefix(String key) {
        int end = Math.min(key.length(), PREFIX.length() + SHOWN);
        return key.substring(0, end) + "…";
    }

    public static boolean looksLikeVirtualKey(String credential) {
        return credential.startsWith(PREFIX) && credential.length() == PREFIX.length() + 43;
    }
}

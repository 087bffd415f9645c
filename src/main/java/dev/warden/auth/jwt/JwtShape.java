package dev.warden.auth.jwt;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The outward form of a compact JWS: three base64url segments whose first decodes to a JSON object naming an
 * {@code alg}. Enough to tell a JWT from a Warden key ({@code wk-...}, {@code sk-...}, which contain no dots)
 * without any cryptography, and the first gate before verification.
 */
final class JwtShape {

    /** Identity-provider tokens with many groups reach a few KB; anything near this is not a sane token. */
    static final int MAX_TOKEN_CHARS = 32 * 1024;
    private static final int MAX_HEADER_CHARS = 4 * 1024;

    private JwtShape() {
    }

    /** The decoded header of a token shaped like a compact JWS; empty for anything else. */
    static Optional<Map<String, Object>> header(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || token.indexOf('.', second + 1) >= 0
                || first > MAX_HEADER_CHARS) {
            return Optional.empty();
        }
        // The signature segment may be empty: that is an unsigned (alg none) token, which should reach
        // verification to be refused as such rather than be mistaken for a Warden key.
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '.' && !base64Url(c)) {
                return Optional.empty();
            }
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(token.substring(0, first)),
                    StandardCharsets.UTF_8);
            var header = JSONObjectUtils.parse(json);
            return header.get("alg") instanceof String ? Optional.of(header) : Optional.empty();
        } catch (IllegalArgumentException | ParseException notJson) {
            return Optional.empty();
        }
    }

    private static boolean base64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}

package dev.warden.config;

/**
 * A JWS algorithm a JWT may be signed with (RFC 7518). The config names the allowed ones; anything else, and
 * {@code none} above all, is refused. HMAC algorithms are a separate family: they verify with a shared secret and
 * are only allowed when {@code hmac_secret} is configured, never beside a public key set.
 */
public enum JwtAlgorithm {
    RS256, RS384, RS512,
    PS256, PS384, PS512,
    ES256, ES384, ES512,
    HS256, HS384, HS512;

    public boolean hmac() {
        return switch (this) {
            case HS256, HS384, HS512 -> true;
            case RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512 -> false;
        };
    }

    /** The shortest secret RFC 7518 section 3.2 allows for this HMAC algorithm: as long as its hash; 0 otherwise. */
    int minimumSecretBytes() {
        return switch (this) {
            case HS256 -> 32;
            case HS384 -> 48;
            case HS512 -> 64;
            case RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512 -> 0;
        };
    }
}

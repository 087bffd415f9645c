package dev.warden.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.config.JwtConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The claim rules for a token whose signature has verified: time window by the injected clock (nimbus's own
 * verifier reads the system clock), issuer, audience, required claims, then the mapping to a {@link JwtIdentity}.
 * Claim names come from the config, so rejection messages may name them; claim values never appear.
 */
final class ClaimCheck {

    private final InstantSource clock;
    private final String issuer;
    private final Set<String> audiences;
    private final Duration skew;
    private final JwtConfig.Claims names;
    private final List<String> required;

    ClaimCheck(JwtConfig config, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = config.issuer();
        this.audiences = Set.copyOf(config.audiences());
        this.skew = config.clockSkew();
        this.names = config.claims();
        this.required = config.requiredClaims();
    }

    JwtIdentity identify(JWTClaimsSet claims) throws JwtRejected {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new JwtRejected(JwtRejected.Reason.MISSING_EXPIRY, "The JWT has no expiry (exp).");
        }
        Instant expiresAt = exp.toInstant();
        if (now.isAfter(expiresAt.plus(skew))) {
            throw new JwtRejected(JwtRejected.Reason.EXPIRED, "The JWT has expired.");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(skew))) {
            throw new JwtRejected(JwtRejected.Reason.NOT_YET_VALID, "The JWT is not valid yet (nbf).");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new JwtRejected(JwtRejected.Reason.WRONG_ISSUER, "The JWT was issued by an issuer (iss) this "
                    + "gateway does not trust.");
        }
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw new JwtRejected(JwtRejected.Reason.WRONG_AUDIENCE, "The JWT is not meant for this gateway (aud).");
        }
        var all = claims.getClaims();
        for (String name : required) {
            if (resolve(all, name) == null) {
                throw missing(name);
            }
        }
        Object user = resolve(all, names.user());
        if (user == null) {
            throw missing(names.user());
        }
        if (!(user instanceof String subject) || subject.isBlank()) {
            throw new JwtRejected(JwtRejected.Reason.INVALID_CLAIM, "The JWT claim '" + names.user()
                    + "' must be a non-empty string.");
        }
        String org = names.org() == null ? null : optionalString(all, names.org());
        return new JwtIdentity(subject, optionalString(all, names.email()), strings(all, names.teams()), org,
                new LinkedHashSet<>(strings(all, names.roles())), expiresAt);
    }

    private static JwtRejected missing(String name) {
        return new JwtRejected(JwtRejected.Reason.MISSING_CLAIM, "The JWT lacks the required claim '" + name + "'.");
    }

    private static @Nullable String optionalString(Map<String, Object> claims, String name) throws JwtRejected {
        Object value = resolve(claims, name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new JwtRejected(JwtRejected.Reason.INVALID_CLAIM, "The JWT claim '" + name + "' must be a string.");
    }

    /** A claim holding one string or a list of strings, as a list (blank entries dropped: they name nothing). */
    private static List<String> strings(Map<String, Object> claims, String name) throws JwtRejected {
        Object value = resolve(claims, name);
        var out = new ArrayList<String>();
        switch (value) {
            case null -> {
            }
            case String single -> out.add(single);
            case List<?> list -> {
                for (Object item : list) {
                    if (!(item instanceof String text)) {
                        throw notStrings(name);
                    }
                    out.add(text);
                }
            }
            default -> throw notStrings(name);
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static JwtRejected notStrings(String name) {
        return new JwtRejected(JwtRejected.Reason.INVALID_CLAIM, "The JWT claim '" + name
                + "' must be a string or a list of strings.");
    }

    /**
     * A claim by name, or by dotted path into nested objects ({@code realm_access.roles}). A claim literally
     * named with dots (URL-style names such as {@code https://example.com/roles}) wins over the path reading.
     */
    static @Nullable Object resolve(Map<String, Object> claims, String name) {
        if (claims.containsKey(name) || name.indexOf('.') < 0) {
            return claims.get(name);
        }
        Object at = claims;
        for (String segment : name.split("\\.", -1)) {
            if (!(at instanceof Map<?, ?> object)) {
                return null;
            }
            at = object.get(segment);
        }
        return at;
    }
}

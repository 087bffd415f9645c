package dev.warden.auth.jwt;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who a verified token says the caller is, read through the configured claim mapping.
 *
 * @param subject the user claim ({@code sub} by default); never blank
 * @param email the email claim, or null when the token has none
 * @param teams the teams claim (a string or a list in the token), in token order; empty when absent
 * @param org the organisation claim, or null when not mapped or absent
 * @param roles the roles claim (a string or a list, possibly nested like {@code realm_access.roles}); empty when
 *              absent
 * @param expiresAt the token's {@code exp}: a session built on it must not outlive it
 */
public record JwtIdentity(String subject, @Nullable String email, List<String> teams, @Nullable String org,
        Set<String> roles, Instant expiresAt) {

    public JwtIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        teams = List.copyOf(teams);
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    }
}

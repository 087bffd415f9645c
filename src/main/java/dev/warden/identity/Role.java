package dev.warden.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * Roles, from most to least powerful. {@link #ADMIN} is global; the others are scoped by their {@link Grant} to one
 * organization or team.
 */
public enum Role {
    ADMIN, ORG_ADMIN, TEAM_ADMIN, MEMBER, VIEWER;

    /** The name used in the API, tokens and CSV files: {@code org-admin}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> parse(String text) {
        var normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (var role : values()) {
            if (role.name().equals(normalized)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

package dev.warden.identity;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A role held within a scope. {@code admin} has no scope; {@code org-admin} is scoped to an organization;
 * {@code team-admin} to a team; {@code member} and {@code viewer} to an organization or a team.
 *
 * @param org the organization id the role applies to, when scoped to an organization
 * @param team the team id the role applies to, when scoped to a team
 */
public record Grant(Role role, @Nullable String org, @Nullable String team) {

    public static final Grant ADMIN = new Grant(Role.ADMIN, null, null);

    public Grant {
        Objects.requireNonNull(role, "role");
        switch (role) {
            case ADMIN -> {
                if (org != null || team != null) {
                    throw new IllegalArgumentException("admin is a global role: it takes no org or team");
                }
            }
            case ORG_ADMIN -> {
                if (org == null || team != null) {
                    throw new IllegalArgumentException("org-admin is scoped to exactly one org");
                }
            }
            case TEAM_ADMIN -> {
                if (team == null) {
                    throw new IllegalArgumentException("team-admin is scoped to a team");
                }
            }
            case MEMBER, VIEWER -> {
                if (org == null && team == null) {
                    throw new IllegalArgumentException(role.wire() + " is scoped to an org or a team");
                }
            }
        }
    }

    public static Grant orgAdmin(String org) {
        return new Grant(Role.ORG_ADMIN, org, null);
    }

    public static Grant teamAdmin(String org, String team) {
        return new Grant(Role.TEAM_ADMIN, org, team);
    }
}

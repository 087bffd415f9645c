package dev.warden.admin;

import dev.warden.identity.Directory;
import dev.warden.identity.Org;
import dev.warden.identity.Team;
import dev.warden.identity.User;
import dev.warden.identity.VirtualKey;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an operation acts on, reduced to where it lives: the facts {@link Permissions} decides by. */
sealed interface Target {
    /** The organization the target lives in, if any. */
    @Nullable String org();

    /** Whether the target is, or belongs to, the team. */
    boolean inTeam(String team);

    /** The user the target is, or is owned by. */
    default @Nullable String user() {
        return null;
    }

    static Target of(Org org) {
        return new OfOrg(org.id());
    }

    static Target of(Team team) {
        return new OfTeam(team.id(), team.orgId());
    }

    static Target of(User user) {
        return new OfUser(user.id(), user.orgId(), Set.copyOf(user.teamIds()));
    }

    static Target of(VirtualKey key, Directory directory) {
        return new OfKey(key.userId(), key.teamId(), directory.ownerOf(key).org());
    }

    /** Nothing in particular: creating organizations, tiers, imports, deployments. */
    record Global() implements Target {
        @Override
        public @Nullable String org() {
            return null;
        }

        @Override
        public boolean inTeam(String team) {
            return false;
        }
    }

    record OfOrg(String id) implements Target {
        @Override
        public String org() {
            return id;
        }

        @Override
        public boolean inTeam(String team) {
            return false;
        }
    }

    record OfTeam(String id, @Nullable String org) implements Target {
        @Override
        public boolean inTeam(String team) {
            return id.equals(team);
        }
    }

    record OfUser(String id, @Nullable String org, Set<String> teams) implements Target {
        @Override
        public boolean inTeam(String team) {
            return teams.contains(team);
        }

        @Override
        public String user() {
            return id;
        }
    }

    /** @param org the organization the key is owned in: its own, its team's or its user's */
    record OfKey(@Nullable String user, @Nullable String team, @Nullable String org) implements Target {
        @Override
        public boolean inTeam(String other) {
            return other.equals(team);
        }
    }
}

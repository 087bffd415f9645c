package dev.warden.admin;

import dev.warden.identity.Grant;
import dev.warden.identity.User;
import dev.warden.pipeline.Principal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling the admin API: the authenticated principal (whose roles decide), and its user as currently stored
 * (whose team memberships decide what a member may see).
 */
record Caller(Principal principal, @Nullable User user) {

    Set<Grant> grants() {
        return principal.grants();
    }

    @Nullable String userId() {
        return principal.owner().user();
    }

    /** The teams the caller belongs to. */
    Set<String> teams() {
        return user == null ? Set.copyOf(principal.owner().teams()) : Set.copyOf(user.teamIds());
    }

    boolean isAdmin() {
        return grants().contains(Grant.ADMIN);
    }
}

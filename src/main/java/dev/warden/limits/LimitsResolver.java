package dev.warden.limits;

import dev.warden.identity.Limits;
import dev.warden.pipeline.Principal;

/** The rate limits that apply to a caller; for now the key's own, later folded with user, team and tier. */
@FunctionalInterface
public interface LimitsResolver {
    Limits limitsOf(Principal principal);
}

package dev.warden.limits;

import dev.warden.identity.LimitLine;
import dev.warden.pipeline.Principal;
import java.util.List;

/** The limits that apply to a caller, one line per scope (key, user, teams, organization). */
@FunctionalInterface
public interface LimitsResolver {
    List<LimitLine> limitsOf(Principal principal);

    /** The chain authentication put on the principal: every scope's limits apply, all at once. */
    static LimitsResolver chain() {
        return Principal::limits;
    }
}

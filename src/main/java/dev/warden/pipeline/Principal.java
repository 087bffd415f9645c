package dev.warden.pipeline;

import dev.warden.identity.Access;
import dev.warden.identity.Grant;
import dev.warden.identity.LimitLine;
import dev.warden.identity.Owner;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as established by authentication, and what they may use. {@code id} is safe to log (never a
 * secret): "master" for the master key, a key id for virtual keys, a subject for JWT callers.
 *
 * @param owner who requests are attributed to (user, teams, organization, tier)
 * @param access the folded model, endpoint and deployment restrictions
 * @param grants the roles the caller holds, for the admin API
 * @param limits the rate limits and budgets along the caller's chain (key, user, teams, organization), for the
 *               limit and budget stages
 */
public record Principal(String id, Kind kind, Owner owner, Access access, Set<Grant> grants,
        List<LimitLine> limits) {
    public enum Kind { MASTER, VIRTUAL_KEY, JWT }

    public static final Principal MASTER = new Principal("master", Kind.MASTER, Owner.NONE, Access.UNRESTRICTED,
            Set.of(Grant.ADMIN), List.of());

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(access, "access");
        grants = Set.copyOf(grants);
        limits = List.copyOf(limits);
    }
}

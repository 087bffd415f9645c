package dev.warden.auth;

import dev.warden.auth.jwt.JwtIdentity;
import dev.warden.identity.Directory;
import dev.warden.identity.Grant;
import dev.warden.identity.Owner;
import dev.warden.identity.Role;
import dev.warden.identity.Team;
import dev.warden.identity.User;
import dev.warden.pipeline.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Turns a verified token into a principal, with the directory as it is in memory. The token's user claim (or its
 * email) finds the Warden user, if there is one; its teams and org claims name teams and an organization by id or
 * by name (IdP groups usually carry names). Roles come from the token, scoped to the token's org and teams, plus
 * whatever the Warden user holds. A caller the directory does not know is still the IdP's authenticated caller:
 * bounded by the teams and org it names, otherwise unrestricted in models and without admin rights.
 */
final class JwtPrincipals {
    private JwtPrincipals() {}

    static Principal of(JwtIdentity token, Directory directory) {
        Optional<User> user = directory.userByIdOrEmail(token.subject());
        if (user.isEmpty() && token.email() != null) {
            user = directory.userByIdOrEmail(token.email());
        }
        var teams = new LinkedHashMap<String, Team>();
        for (var name : token.teams()) {
            directory.teamByIdOrName(name).ifPresent(team -> teams.put(team.id(), team));
        }
        user.ifPresent(known -> known.teamIds().forEach(id -> {
            var team = directory.teams().get(id);
            if (team != null) {
                teams.putIfAbsent(id, team);
            }
        }));
        var org = token.org() != null ? directory.orgByIdOrName(token.org())
                : user.map(User::orgId).map(id -> directory.orgs().get(id));
        var grants = new HashSet<Grant>();
        user.ifPresent(known -> grants.addAll(known.grants()));
        var orgId = org.map(o -> o.id()).orElse(null);
        for (var name : token.roles()) {
            Role.parse(name).ifPresent(role -> grants.addAll(grants(role, orgId, List.copyOf(teams.values()))));
        }
        var owner = new Owner(user.map(User::id).orElse(null), List.copyOf(teams.keySet()), orgId,
                user.map(User::tierId).orElse(null));
        var access = directory.accessOf(user.orElse(null), List.copyOf(teams.values()), org.orElse(null));
        var limits = directory.limitsOf(user.orElse(null), List.copyOf(teams.values()), org.orElse(null));
        return new Principal(user.map(User::id).orElse(token.subject()), Principal.Kind.JWT, owner, access, grants,
                limits);
    }

    /** A token role, scoped to what the token names; a scoped role with nothing to scope it to grants nothing. */
    private static List<Grant> grants(Role role, String org, List<Team> teams) {
        var grants = new ArrayList<Grant>();
        switch (role) {
            case ADMIN -> grants.add(Grant.ADMIN);
            case ORG_ADMIN -> {
                if (org != null) {
                    grants.add(Grant.orgAdmin(org));
                }
            }
            case TEAM_ADMIN -> teams.forEach(team -> grants.add(Grant.teamAdmin(team.orgId(), team.id())));
            case MEMBER, VIEWER -> {
                if (org != null) {
                    grants.add(new Grant(role, org, null));
                }
                teams.forEach(team -> grants.add(new Grant(role, team.orgId(), team.id())));
            }
        }
        return grants;
    }
}

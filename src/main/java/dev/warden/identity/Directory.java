package dev.warden.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One consistent in-memory copy of the organizations, teams, users and tiers, and the rules that fold a key's
 * chain of owners into one {@link Access}. Immutable: a refresh builds a new one.
 */
public record Directory(Map<String, Org> orgs, Map<String, Team> teams, Map<String, User> users,
        Map<String, Tier> tiers) {

    public static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of(), Map.of());

    public Directory {
        orgs = Map.copyOf(orgs);
        teams = Map.copyOf(teams);
        users = Map.copyOf(users);
        tiers = Map.copyOf(tiers);
    }

    public static Directory of(List<Org> orgs, List<Team> teams, List<User> users, List<Tier> tiers) {
        return new Directory(index(orgs, Org::id), index(teams, Team::id), index(users, User::id),
                index(tiers, Tier::id));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }

    /** A user by id, or else by email (case-insensitive), as a JWT's user claim may carry either. */
    public Optional<User> userByIdOrEmail(String idOrEmail) {
        var byId = users.get(idOrEmail);
        if (byId != null) {
            return Optional.of(byId);
        }
        return users.values().stream().filter(user -> user.email().equalsIgnoreCase(idOrEmail)).findFirst();
    }

    /** A team by id, or else by name (a token's groups claim usually carries names). */
    public Optional<Team> teamByIdOrName(String idOrName) {
        var byId = teams.get(idOrName);
        if (byId != null) {
            return Optional.of(byId);
        }
        return teams.values().stream().filter(team -> team.name().equals(idOrName)).findFirst();
    }

    /** An organization by id, or else by name. */
    public Optional<Org> orgByIdOrName(String idOrName) {
        var byId = orgs.get(idOrName);
        if (byId != null) {
            return Optional.of(byId);
        }
        return orgs.values().stream().filter(org -> org.name().equals(idOrName)).findFirst();
    }

    /** The owners of a key, filled in from the user and team where the key names only those. */
    public Owner ownerOf(VirtualKey key) {
        var user = key.userId() == null ? null : users.get(key.userId());
        var team = key.teamId() == null ? null : teams.get(key.teamId());
        String org = key.orgId();
        if (org == null && team != null) {
            org = team.orgId();
        }
        if (org == null && user != null) {
            org = user.orgId();
        }
        List<String> keyTeams = team != null ? List.of(team.id()) : user != null ? user.teamIds() : List.of();
        return new Owner(key.userId(), keyTeams, org, key.tierId());
    }

    /**
     * What a key may use. Each level of its chain (the key, its user, its team, its organization) contributes one
     * model allowlist: the level's own list, or else its tier's. A model must pass every level, so a key can narrow
     * what its team may use but never widen it. A user's key without a team is bounded by what any one of the
     * user's teams may use (the union), as the user is when signed in with a token.
     */
    public Access accessOf(VirtualKey key) {
        var lists = new ArrayList<ModelAllowlist>();
        lists.add(allowlist(key.models(), key.tierId()));
        var user = key.userId() == null ? null : users.get(key.userId());
        if (user != null) {
            lists.add(allowlist(user.models(), user.tierId()));
        }
        var team = key.teamId() == null ? null : teams.get(key.teamId());
        if (team != null) {
            lists.add(allowlist(team.models(), team.tierId()));
        } else if (user != null && !user.teamIds().isEmpty()) {
            // A personal key is bounded by its user's teams as the user is when signed in: any one of them.
            teamUnion(user.teamIds().stream().map(teams::get).filter(java.util.Objects::nonNull).toList())
                    .ifPresent(lists::add);
        }
        var orgId = ownerOf(key).org();
        var org = orgId == null ? null : orgs.get(orgId);
        if (org != null) {
            lists.add(allowlist(org.models(), org.tierId()));
        }
        return new Access(lists, key.endpoints(), key.deployments(), key.pinnedDeployment());
    }

    /** What a user (signed in with a JWT) may use: the user's, the named teams' and the organization's lists. */
    public Access accessOf(@Nullable User user, List<Team> teams, @Nullable Org org) {
        var lists = new ArrayList<ModelAllowlist>();
        if (user != null) {
            lists.add(allowlist(user.models(), user.tierId()));
        }
        // A caller in several teams may use what any one of its teams may use.
        teamUnion(teams).ifPresent(lists::add);
        if (org != null) {
            lists.add(allowlist(org.models(), org.tierId()));
        }
        return new Access(lists, Set.of(), Set.of(), null);
    }

    /** What any one of the teams may use; empty when one of them is unrestricted (or there are none). */
    private Optional<ModelAllowlist> teamUnion(List<Team> members) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        var union = new ArrayList<String>();
        for (var team : members) {
            var list = allowlist(team.models(), team.tierId());
            if (list.allowsAll()) {
                return Optional.empty();
            }
            union.addAll(list.patterns());
        }
        return Optional.of(ModelAllowlist.of(union));
    }

    private ModelAllowlist allowlist(List<String> own, @Nullable String tierId) {
        if (!own.isEmpty()) {
            return ModelAllowlist.of(own);
        }
        var tier = tierId == null ? null : tiers.get(tierId);
        return tier == null ? ModelAllowlist.ANY : ModelAllowlist.of(tier.models());
    }

    /**
     * The limits along a key's chain: the key, its user, its team (or, for a personal key, each of the user's
     * teams) and its organization. Each level's own limits, with what it leaves unset filled from its tier. Levels
     * with no limit at all are left out.
     */
    public List<LimitLine> limitsOf(VirtualKey key) {
        var lines = new ArrayList<LimitLine>();
        line(lines, "key:" + key.id(), key.limits(), key.tierId());
        var user = key.userId() == null ? null : users.get(key.userId());
        if (user != null) {
            line(lines, "user:" + user.id(), user.limits(), user.tierId());
        }
        for (var teamId : ownerOf(key).teams()) {
            var team = teams.get(teamId);
            if (team != null) {
                line(lines, "team:" + team.id(), team.limits(), team.tierId());
            }
        }
        var org = ownerOf(key).org() == null ? null : orgs.get(ownerOf(key).org());
        if (org != null) {
            line(lines, "org:" + org.id(), org.limits(), org.tierId());
        }
        return List.copyOf(lines);
    }

    /** The limits along a signed-in user's chain: the user, the given teams, the organization. */
    public List<LimitLine> limitsOf(@Nullable User user, List<Team> memberOf, @Nullable Org org) {
        var lines = new ArrayList<LimitLine>();
        if (user != null) {
            line(lines, "user:" + user.id(), user.limits(), user.tierId());
        }
        for (var team : memberOf) {
            line(lines, "team:" + team.id(), team.limits(), team.tierId());
        }
        if (org != null) {
            line(lines, "org:" + org.id(), org.limits(), org.tierId());
        }
        return List.copyOf(lines);
    }

    private void line(List<LimitLine> lines, String scope, Limits own, @Nullable String tierId) {
        var tier = tierId == null ? null : tiers.get(tierId);
        var effective = tier == null ? own : own.orElse(tier.limits());
        if (!effective.none()) {
            lines.add(new LimitLine(scope, effective));
        }
    }

    /** The roles a user holds, as stored. */
    public Set<Grant> grantsOf(String userId) {
        var user = users.get(userId);
        return user == null ? Set.of() : new HashSet<>(user.grants());
    }
}

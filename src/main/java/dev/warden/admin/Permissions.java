package dev.warden.admin;

import static dev.warden.admin.Reach.ANY;
import static dev.warden.admin.Reach.MY_TEAMS;
import static dev.warden.admin.Reach.NONE;
import static dev.warden.admin.Reach.ORG;
import static dev.warden.admin.Reach.OWN;
import static dev.warden.admin.Reach.OWN_IN_MY_TEAMS;
import static dev.warden.admin.Reach.SCOPE;
import static dev.warden.admin.Reach.TEAM;

import dev.warden.budget.SpendQuery;
import dev.warden.identity.Grant;
import dev.warden.identity.KeyStore;
import dev.warden.identity.Role;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Role-based access control for the admin API: one table saying, for every operation, how far each role reaches
 * (see {@link Reach}); a caller may act on a target when one of its grants reaches it. Roles without an entry may
 * not perform the operation at all (403, naming the roles that may); a target beyond the caller's reach is
 * answered as if it did not exist (404), so nobody learns what another organization holds.
 */
final class Permissions {
    private static final List<Role> COLUMNS = List.of(Role.ADMIN, Role.ORG_ADMIN, Role.TEAM_ADMIN, Role.MEMBER,
            Role.VIEWER);

    //                           operation             admin  org-admin  team-admin  member            viewer
    private static final Map<Operation, Map<Role, Reach>> TABLE = table(
            row(Operation.ME,                   ANY, ANY,  ANY,  ANY,             ANY),
            row(Operation.ORG_CREATE,           ANY, NONE, NONE, NONE,            NONE),
            row(Operation.ORG_LIST,             ANY, ORG,  NONE, NONE,            SCOPE),
            row(Operation.ORG_READ,             ANY, ORG,  NONE, NONE,            SCOPE),
            row(Operation.ORG_UPDATE,           ANY, NONE, NONE, NONE,            NONE),
            row(Operation.ORG_DELETE,           ANY, NONE, NONE, NONE,            NONE),
            row(Operation.TEAM_CREATE,          ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.TEAM_LIST,            ANY, ORG,  TEAM, MY_TEAMS,        SCOPE),
            row(Operation.TEAM_READ,            ANY, ORG,  TEAM, MY_TEAMS,        SCOPE),
            row(Operation.TEAM_UPDATE,          ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.TEAM_DELETE,          ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.TEAM_MEMBER_ADD,      ANY, ORG,  TEAM, NONE,            NONE),
            row(Operation.TEAM_MEMBER_REMOVE,   ANY, ORG,  TEAM, NONE,            NONE),
            row(Operation.USER_CREATE,          ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.USER_LIST,            ANY, ORG,  TEAM, OWN,             SCOPE),
            row(Operation.USER_READ,            ANY, ORG,  TEAM, OWN,             SCOPE),
            row(Operation.USER_UPDATE,          ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.USER_DELETE,          ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.USER_IMPORT,          ANY, NONE, NONE, NONE,            NONE),
            row(Operation.ROLE_GRANT,           ANY, ORG,  NONE, NONE,            NONE),
            row(Operation.TIER_CREATE,          ANY, NONE, NONE, NONE,            NONE),
            row(Operation.TIER_LIST,            ANY, ANY,  NONE, NONE,            NONE),
            row(Operation.TIER_READ,            ANY, ANY,  NONE, NONE,            NONE),
            row(Operation.TIER_UPDATE,          ANY, NONE, NONE, NONE,            NONE),
            row(Operation.TIER_DELETE,          ANY, NONE, NONE, NONE,            NONE),
            row(Operation.KEY_CREATE,           ANY, ORG,  TEAM, OWN_IN_MY_TEAMS, NONE),
            row(Operation.KEY_LIST,             ANY, ORG,  TEAM, OWN,             SCOPE),
            row(Operation.KEY_READ,             ANY, ORG,  TEAM, OWN,             SCOPE),
            row(Operation.KEY_UPDATE,           ANY, ORG,  TEAM, NONE,            NONE),
            row(Operation.KEY_REVOKE,           ANY, ORG,  TEAM, OWN,             NONE),
            row(Operation.KEY_ROTATE,           ANY, ORG,  TEAM, OWN,             NONE),
            row(Operation.KEY_USAGE,            ANY, ORG,  TEAM, OWN,             SCOPE),
            row(Operation.SPEND_READ,           ANY, ORG,  TEAM, OWN,             SCOPE),
            row(Operation.BUDGET_RESET,         ANY, ORG,  TEAM, NONE,            NONE),
            row(Operation.DEPLOYMENT_CREATE,    ANY, NONE, NONE, NONE,            NONE),
            row(Operation.DEPLOYMENT_LIST,      ANY, ANY,  NONE, NONE,            NONE),
            row(Operation.DEPLOYMENT_READ,      ANY, ANY,  NONE, NONE,            NONE),
            row(Operation.DEPLOYMENT_UPDATE,    ANY, NONE, NONE, NONE,            NONE),
            row(Operation.DEPLOYMENT_DELETE,    ANY, NONE, NONE, NONE,            NONE),
            // Prices are gateway-wide, like deployments: an org-admin sees what its callers are charged.
            row(Operation.PRICE_CREATE,         ANY, NONE, NONE, NONE,            NONE),
            row(Operation.PRICE_LIST,           ANY, ANY,  NONE, NONE,            NONE),
            row(Operation.PRICE_READ,           ANY, ANY,  NONE, NONE,            NONE),
            row(Operation.PRICE_UPDATE,         ANY, NONE, NONE, NONE,            NONE),
            row(Operation.PRICE_DELETE,         ANY, NONE, NONE, NONE,            NONE));

    private Permissions() {}

    private record Row(Operation operation, Reach[] reaches) {}

    private static Row row(Operation operation, Reach... reaches) {
        if (reaches.length != COLUMNS.size()) {
            throw new IllegalArgumentException(operation + ": one reach per role");
        }
        return new Row(operation, reaches);
    }

    private static Map<Operation, Map<Role, Reach>> table(Row... rows) {
        var table = new EnumMap<Operation, Map<Role, Reach>>(Operation.class);
        for (var row : rows) {
            var reaches = new EnumMap<Role, Reach>(Role.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                reaches.put(COLUMNS.get(i), row.reaches()[i]);
            }
            if (table.put(row.operation(), Collections.unmodifiableMap(reaches)) != null) {
                throw new IllegalArgumentException("two rows for " + row.operation());
            }
        }
        var missing = Arrays.stream(Operation.values()).filter(op -> !table.containsKey(op)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no permission row for " + missing);
        }
        return Collections.unmodifiableMap(table);
    }

    /** How far {@code role} reaches for {@code operation}. */
    static Reach reach(Operation operation, Role role) {
        return TABLE.get(operation).get(role);
    }

    /**
     * @throws AdminException 403 naming the roles that may, when none of the caller's roles may ever perform the
     *                        operation ({@link Operation#ME} is open to everybody)
     */
    static void requireRole(Caller caller, Operation operation) {
        if (operation == Operation.ME) {
            return;
        }
        for (var grant : caller.grants()) {
            if (reach(operation, grant.role()) != NONE) {
                return;
            }
        }
        var roles = COLUMNS.stream().filter(role -> reach(operation, role) != NONE).map(Role::wire).toList();
        var needed = roles.size() == 1 ? "the " + roles.getFirst() + " role"
                : "one of the roles " + String.join(", ", roles);
        throw AdminError.forbidden(capitalized(operation.description) + " requires " + needed + ".");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Whether one of the caller's grants reaches the target. */
    static boolean allows(Caller caller, Operation operation, Target target) {
        for (var grant : caller.grants()) {
            if (reaches(caller, grant, reach(operation, grant.role()), target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reaches(Caller caller, Grant grant, Reach reach, Target target) {
        return switch (reach) {
            case NONE -> false;
            case ANY -> true;
            case ORG -> grant.team() == null && grant.org() != null && grant.org().equals(target.org());
            case TEAM -> grant.team() != null && target.inTeam(grant.team());
            case SCOPE -> reaches(caller, grant, grant.team() != null ? TEAM : ORG, target);
            case OWN -> caller.userId() != null && caller.userId().equals(target.user());
            case OWN_IN_MY_TEAMS -> reaches(caller, grant, OWN, target)
                    && (!(target instanceof Target.OfKey key) || key.team() == null
                            || caller.teams().contains(key.team()));
            case MY_TEAMS -> target instanceof Target.OfTeam team && caller.teams().contains(team.id());
        };
    }

    /**
     * The keys the caller may see for a key operation, as the store's filter: null for every key. Derived from the
     * same table, so a listing shows exactly the keys {@link #allows} would let the caller read.
     */
    static KeyStore.@Nullable Reach keyReach(Caller caller, Operation operation) {
        var orgs = new HashSet<String>();
        var teams = new HashSet<String>();
        var users = new HashSet<String>();
        for (var grant : caller.grants()) {
            var reach = reach(operation, grant.role());
            if (reach == SCOPE) {
                reach = grant.team() != null ? TEAM : ORG;
            }
            switch (reach) {
                case ANY -> {
                    return null;
                }
                case ORG -> {
                    if (grant.team() == null && grant.org() != null) {
                        orgs.add(grant.org());
                    }
                }
                case TEAM -> {
                    if (grant.team() != null) {
                        teams.add(grant.team());
                    }
                }
                case OWN, OWN_IN_MY_TEAMS -> {
                    if (caller.userId() != null) {
                        users.add(caller.userId());
                    }
                }
                case NONE, MY_TEAMS, SCOPE -> { }
            }
        }
        return new KeyStore.Reach(orgs, teams, users);
    }

    /**
     * The spend rows the caller may see for {@code operation}, as the store's filter: null for all. The same
     * derivation as {@link #keyReach}: an organization's rows for org-scoped grants, a team's for team-scoped ones,
     * the caller's own for {@code OWN}; a caller holding several grants sees their union.
     */
    static SpendQuery.@Nullable Reach spendReach(Caller caller, Operation operation) {
        var keys = keyReach(caller, operation);
        return keys == null ? null : new SpendQuery.Reach(keys.orgs(), keys.teams(), keys.users());
    }
}

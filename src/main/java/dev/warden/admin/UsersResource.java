package dev.warden.admin;

import dev.warden.identity.Directory;
import dev.warden.identity.Grant;
import dev.warden.identity.KeyStore;
import dev.warden.identity.User;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code /users}: people and service identities, their team memberships and roles. */
final class UsersResource implements Resource {
    private static final Set<String> FIELDS = Set.of("email", "name", "org_id", "team_ids", "roles", "tier_id",
            "models", "limits", "metadata");

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/users", Operation.USER_CREATE, this::create),
                Route.get("/users", Operation.USER_LIST, this::list),
                Route.get("/users/{id}", Operation.USER_READ, this::read),
                Route.patch("/users/{id}", Operation.USER_UPDATE, this::update),
                Route.delete("/users/{id}", Operation.USER_DELETE, this::delete));
    }

    private AdminResponse create(Call call) {
        var body = call.body(FIELDS);
        var backend = call.backend();
        var directory = call.directory();
        var email = body.requiredText("email");
        var orgId = body.text("org_id");
        var teamIds = Set.copyOf(body.strings("team_ids"));
        var id = backend.ids().next("usr");
        call.require(Operation.USER_CREATE, new Target.OfUser(id, orgId, teamIds),
                "You may create users only in organizations you administer (set org_id).");
        if (orgId != null) {
            Checks.org(orgId, directory, "org_id");
        }
        var grants = Checks.roles(body.objects("roles"), directory, "roles", call.caller());
        requireGrantable(call, Set.of(), grants);
        var user = new User(id, Checks.email(email, "email"), body.text("name"), orgId,
                teams(teamIds, orgId, directory), grants, Checks.tier(body.text("tier_id"), directory, "tier_id"),
                Checks.models(body.strings("models"), "models"), body.limits("limits"),
                Checks.metadata(body.stringMap("metadata"), "metadata"), backend.clock().instant());
        call.store(() -> backend.directory().createUser(user), "email");
        return backend.views().created(backend.views().user(user));
    }

    /** Every team must exist and belong to the user's organization. */
    private static List<String> teams(Set<String> teamIds, @Nullable String orgId, Directory directory) {
        for (var teamId : teamIds) {
            var team = directory.teams().get(teamId);
            // One answer whether the team is missing or elsewhere: callers learn nothing of other organizations.
            if (team == null || !team.orgId().equals(orgId)) {
                throw AdminError.unprocessable("team_ids", "No team '" + teamId + "' in the user's organization"
                        + (orgId == null ? " (the user has none: set org_id)." : " '" + orgId + "'."));
            }
        }
        return teamIds.stream().sorted().toList();
    }

    /** Every role given or taken away must be one the caller may grant: an org-admin only within its organization. */
    private static void requireGrantable(Call call, Set<Grant> before, Set<Grant> after) {
        var changed = new HashSet<>(before);
        changed.addAll(after);
        changed.removeIf(grant -> before.contains(grant) && after.contains(grant));
        for (var grant : changed) {
            Target target = grant.team() != null ? new Target.OfTeam(grant.team(), grant.org())
                    : grant.org() != null ? new Target.OfOrg(grant.org()) : new Target.Global();
            call.require(Operation.ROLE_GRANT, target, notGrantable(grant.role().wire()));
        }
    }

    static String notGrantable(String role) {
        return "You may not grant or remove the role " + role + " there: an org-admin manages roles within its own"
                + " organization only, and never admin.";
    }

    private AdminResponse list(Call call) {
        var views = call.backend().views();
        var org = call.query("org");
        var team = call.query("team");
        return call.page(call.directory().users().values().stream()
                .filter(user -> org == null || org.equals(user.orgId()))
                .filter(user -> team == null || user.teamIds().contains(team))
                .filter(user -> Permissions.allows(call.caller(), Operation.USER_LIST, Target.of(user)))
                .sorted(Comparator.comparing(User::email))
                .map(views::user)
                .toList());
    }

    private static User find(Call call, Operation operation) {
        var id = call.param("id");
        return call.visible(operation, call.directory().users().get(id), Target::of, "user", id);
    }

    private AdminResponse read(Call call) {
        return call.backend().views().ok(call.backend().views().user(find(call, Operation.USER_READ)));
    }

    private AdminResponse update(Call call) {
        var old = find(call, Operation.USER_UPDATE);
        var body = call.body(FIELDS);
        var directory = call.directory();
        var orgId = body.has("org_id") ? body.text("org_id") : old.orgId();
        var teamIds = body.has("team_ids") ? Set.copyOf(body.strings("team_ids")) : Set.copyOf(old.teamIds());
        call.require(Operation.USER_UPDATE, new Target.OfUser(old.id(), orgId, teamIds),
                "You may not move a user out of the organizations you administer.");
        if (orgId != null && !orgId.equals(old.orgId())) {
            Checks.org(orgId, directory, "org_id");
        }
        if (!Objects.equals(orgId, old.orgId()) && hasActiveKeys(call, old.id())) {
            throw AdminError.conflict("org_id", "The user still has unrevoked keys in its organization; revoke them"
                    + " before moving the user to another organization.");
        }
        var grants = body.has("roles") ? Checks.roles(body.objects("roles"), directory, "roles", call.caller()) : old.grants();
        requireGrantable(call, old.grants(), grants);
        var user = new User(old.id(),
                body.has("email") ? Checks.email(body.requiredText("email"), "email") : old.email(),
                body.has("name") ? body.text("name") : old.name(), orgId, teams(teamIds, orgId, directory), grants,
                body.has("tier_id") ? Checks.tier(body.text("tier_id"), directory, "tier_id") : old.tierId(),
                body.has("models") ? Checks.models(body.strings("models"), "models") : old.models(),
                body.has("limits") ? body.limits("limits") : old.limits(),
                body.has("metadata") ? Checks.metadata(body.stringMap("metadata"), "metadata") : old.metadata(),
                old.created());
        call.store(() -> call.backend().directory().updateUser(user), "email");
        return call.backend().views().ok(call.backend().views().user(user));
    }

    private static boolean hasActiveKeys(Call call, String userId) {
        return !call.backend().keys().list(new KeyStore.Filter(userId, null, null, false, 1, 0)).isEmpty();
    }

    private AdminResponse delete(Call call) {
        var user = find(call, Operation.USER_DELETE);
        call.store(() -> call.backend().directory().deleteUser(user.id()), null);
        return call.deleted("user", user.id());
    }
}

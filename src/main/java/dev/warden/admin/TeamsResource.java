package dev.warden.admin;

import dev.warden.identity.Team;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** {@code /teams}: teams inside an organization, and their members. */
final class TeamsResource implements Resource {
    private static final Set<String> FIELDS = Set.of("org_id", "name", "tier_id", "models", "limits", "metadata");

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/teams", Operation.TEAM_CREATE, this::create),
                Route.get("/teams", Operation.TEAM_LIST, this::list),
                Route.get("/teams/{id}", Operation.TEAM_READ, this::read),
                Route.patch("/teams/{id}", Operation.TEAM_UPDATE, this::update),
                Route.delete("/teams/{id}", Operation.TEAM_DELETE, this::delete),
                Route.post("/teams/{id}/members", Operation.TEAM_MEMBER_ADD, this::addMember),
                Route.delete("/teams/{id}/members/{user_id}", Operation.TEAM_MEMBER_REMOVE, this::removeMember));
    }

    private AdminResponse create(Call call) {
        var body = call.body(FIELDS);
        var orgId = body.requiredText("org_id");
        call.require(Operation.TEAM_CREATE, new Target.OfOrg(orgId),
                "You may create teams only in organizations you administer.");
        var backend = call.backend();
        var team = new Team(backend.ids().next("team"), Checks.org(orgId, call.directory(), "org_id"),
                Checks.name(body.requiredText("name"), "name"),
                Checks.tier(body.text("tier_id"), call.directory(), "tier_id"),
                Checks.models(body.strings("models"), "models"), body.limits("limits"),
                Checks.metadata(body.stringMap("metadata"), "metadata"), backend.clock().instant());
        call.store(() -> backend.directory().createTeam(team), "name");
        return backend.views().created(backend.views().team(team));
    }

    private AdminResponse list(Call call) {
        var views = call.backend().views();
        var org = call.query("org");
        return call.page(call.directory().teams().values().stream()
                .filter(team -> org == null || team.orgId().equals(org))
                .filter(team -> Permissions.allows(call.caller(), Operation.TEAM_LIST, Target.of(team)))
                .sorted(Comparator.comparing(Team::orgId).thenComparing(Team::name))
                .map(views::team)
                .toList());
    }

    private static Team find(Call call, Operation operation) {
        var id = call.param("id");
        return call.visible(operation, call.directory().teams().get(id), Target::of, "team", id);
    }

    private AdminResponse read(Call call) {
        return call.backend().views().ok(call.backend().views().team(find(call, Operation.TEAM_READ)));
    }

    private AdminResponse update(Call call) {
        var old = find(call, Operation.TEAM_UPDATE);
        var body = call.body(FIELDS);
        if (body.has("org_id") && !old.orgId().equals(body.text("org_id"))) {
            throw AdminError.invalid("org_id", "A team cannot move to another organization; create a new team.");
        }
        var team = new Team(old.id(), old.orgId(),
                body.has("name") ? Checks.name(body.requiredText("name"), "name") : old.name(),
                body.has("tier_id") ? Checks.tier(body.text("tier_id"), call.directory(), "tier_id") : old.tierId(),
                body.has("models") ? Checks.models(body.strings("models"), "models") : old.models(),
                body.has("limits") ? body.limits("limits") : old.limits(),
                body.has("metadata") ? Checks.metadata(body.stringMap("metadata"), "metadata") : old.metadata(),
                old.created());
        call.store(() -> call.backend().directory().updateTeam(team), "name");
        return call.backend().views().ok(call.backend().views().team(team));
    }

    private AdminResponse delete(Call call) {
        var team = find(call, Operation.TEAM_DELETE);
        call.store(() -> call.backend().directory().deleteTeam(team.id()), null);
        return call.deleted("team", team.id());
    }

    /** Only existing users of the team's organization may join it; anyone else is answered alike. */
    private AdminResponse addMember(Call call) {
        var team = find(call, Operation.TEAM_MEMBER_ADD);
        var userId = call.body(Set.of("user_id")).requiredText("user_id");
        var user = call.directory().users().get(userId);
        if (user == null || !team.orgId().equals(user.orgId())) {
            throw AdminError.unprocessable("user_id", "No user '" + userId + "' in the team's organization.");
        }
        if (user.teamIds().contains(team.id())) {
            throw AdminError.conflict("user_id", "The user is already a member of the team.");
        }
        call.store(() -> call.backend().directory().addMember(team.id(), userId), "user_id");
        return call.backend().views().created(call.backend().views().object().put("object", "team.member")
                .put("team_id", team.id()).put("user_id", userId));
    }

    private AdminResponse removeMember(Call call) {
        var team = find(call, Operation.TEAM_MEMBER_REMOVE);
        var userId = call.param("user_id");
        var user = call.directory().users().get(userId);
        if (user == null || !user.teamIds().contains(team.id())) {
            throw AdminError.notFound("User '" + userId + "' is not a member of team '" + team.id() + "'.");
        }
        call.store(() -> call.backend().directory().removeMember(team.id(), userId), null);
        return call.deleted("team.member", userId);
    }
}

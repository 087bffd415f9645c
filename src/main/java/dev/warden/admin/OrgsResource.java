package dev.warden.admin;

import dev.warden.identity.Org;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** {@code /orgs}: organizations, the top of the org → team → user tree. */
final class OrgsResource implements Resource {
    private static final Set<String> FIELDS = Set.of("name", "tier_id", "models", "limits", "metadata");

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/orgs", Operation.ORG_CREATE, this::create),
                Route.get("/orgs", Operation.ORG_LIST, this::list),
                Route.get("/orgs/{id}", Operation.ORG_READ, this::read),
                Route.patch("/orgs/{id}", Operation.ORG_UPDATE, this::update),
                Route.delete("/orgs/{id}", Operation.ORG_DELETE, this::delete));
    }

    private AdminResponse create(Call call) {
        var body = call.body(FIELDS);
        var backend = call.backend();
        var org = new Org(backend.ids().next("org"), Checks.name(body.requiredText("name"), "name"),
                Checks.tier(body.text("tier_id"), call.directory(), "tier_id"),
                Checks.models(body.strings("models"), "models"), body.limits("limits"),
                Checks.metadata(body.stringMap("metadata"), "metadata"), backend.clock().instant());
        call.store(() -> backend.directory().createOrg(org), "name");
        return backend.views().created(backend.views().org(org));
    }

    private AdminResponse list(Call call) {
        var views = call.backend().views();
        return call.page(call.directory().orgs().values().stream()
                .filter(org -> Permissions.allows(call.caller(), Operation.ORG_LIST, Target.of(org)))
                .sorted(Comparator.comparing(Org::name))
                .map(views::org)
                .toList());
    }

    private Org find(Call call, Operation operation) {
        var id = call.param("id");
        return call.visible(operation, call.directory().orgs().get(id), Target::of, "organization", id);
    }

    private AdminResponse read(Call call) {
        return call.backend().views().ok(call.backend().views().org(find(call, Operation.ORG_READ)));
    }

    private AdminResponse update(Call call) {
        var old = find(call, Operation.ORG_UPDATE);
        var body = call.body(FIELDS);
        var org = new Org(old.id(),
                body.has("name") ? Checks.name(body.requiredText("name"), "name") : old.name(),
                body.has("tier_id") ? Checks.tier(body.text("tier_id"), call.directory(), "tier_id") : old.tierId(),
                body.has("models") ? Checks.models(body.strings("models"), "models") : old.models(),
                body.has("limits") ? body.limits("limits") : old.limits(),
                body.has("metadata") ? Checks.metadata(body.stringMap("metadata"), "metadata") : old.metadata(),
                old.created());
        call.store(() -> call.backend().directory().updateOrg(org), "name");
        return call.backend().views().ok(call.backend().views().org(org));
    }

    private AdminResponse delete(Call call) {
        var org = find(call, Operation.ORG_DELETE);
        call.store(() -> call.backend().directory().deleteOrg(org.id()), null);
        return call.deleted("organization", org.id());
    }
}

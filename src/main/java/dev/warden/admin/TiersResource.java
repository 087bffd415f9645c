package dev.warden.admin;

import dev.warden.identity.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** {@code /tiers}: named templates of models and limits that organizations, teams, users and keys inherit. */
final class TiersResource implements Resource {
    private static final Set<String> FIELDS = Set.of("name", "models", "limits", "metadata");
    private static final Target EVERYWHERE = new Target.Global();

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/tiers", Operation.TIER_CREATE, this::create),
                Route.get("/tiers", Operation.TIER_LIST, this::list),
                Route.get("/tiers/{id}", Operation.TIER_READ, this::read),
                Route.patch("/tiers/{id}", Operation.TIER_UPDATE, this::update),
                Route.delete("/tiers/{id}", Operation.TIER_DELETE, this::delete));
    }

    private AdminResponse create(Call call) {
        var body = call.body(FIELDS);
        var backend = call.backend();
        var tier = new Tier(backend.ids().next("tier"), Checks.name(body.requiredText("name"), "name"),
                Checks.models(body.strings("models"), "models"), body.limits("limits"),
                Checks.metadata(body.stringMap("metadata"), "metadata"), backend.clock().instant());
        call.store(() -> backend.directory().createTier(tier), "name");
        return backend.views().created(backend.views().tier(tier));
    }

    private AdminResponse list(Call call) {
        var views = call.backend().views();
        return call.page(call.directory().tiers().values().stream()
                .filter(tier -> Permissions.allows(call.caller(), Operation.TIER_LIST, EVERYWHERE))
                .sorted(Comparator.comparing(Tier::name))
                .map(views::tier)
                .toList());
    }

    private Tier find(Call call, Operation operation) {
        var id = call.param("id");
        return call.visible(operation, call.directory().tiers().get(id), tier -> EVERYWHERE, "tier", id);
    }

    private AdminResponse read(Call call) {
        return call.backend().views().ok(call.backend().views().tier(find(call, Operation.TIER_READ)));
    }

    private AdminResponse update(Call call) {
        var old = find(call, Operation.TIER_UPDATE);
        var body = call.body(FIELDS);
        var tier = new Tier(old.id(),
                body.has("name") ? Checks.name(body.requiredText("name"), "name") : old.name(),
                body.has("models") ? Checks.models(body.strings("models"), "models") : old.models(),
                body.has("limits") ? body.limits("limits") : old.limits(),
                body.has("metadata") ? Checks.metadata(body.stringMap("metadata"), "metadata") : old.metadata(),
                old.created());
        call.store(() -> call.backend().directory().updateTier(tier), "name");
        return call.backend().views().ok(call.backend().views().tier(tier));
    }

    private AdminResponse delete(Call call) {
        var tier = find(call, Operation.TIER_DELETE);
        call.store(() -> call.backend().directory().deleteTier(tier.id()), null);
        return call.deleted("tier", tier.id());
    }
}

package dev.warden.admin;

import java.util.List;
import java.util.Locale;

/** {@code /me}: who the caller is to Warden; open to every authenticated caller, roles or not. */
final class MeResource implements Resource {

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/me", Operation.ME, this::me));
    }

    private AdminResponse me(Call call) {
        var views = call.backend().views();
        var principal = call.caller().principal();
        var node = views.object().put("object", "principal")
                .put("kind", principal.kind().name().toLowerCase(Locale.ROOT)).put("id", principal.id());
        var owner = node.putObject("owner");
        owner.put("user_id", principal.owner().user());
        Views.strings(owner.putArray("team_ids"), principal.owner().teams());
        owner.put("org_id", principal.owner().org());
        owner.put("tier_id", principal.owner().tier());
        views.roles(node.putArray("roles"), principal.grants());
        var user = call.caller().user();
        node.put("email", user == null ? null : user.email());
        return views.ok(node);
    }
}

package dev.warden.admin;

import dev.warden.identity.Directory;
import dev.warden.identity.KeyStore;
import dev.warden.identity.VirtualKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code /keys}: creating, listing, reading and changing virtual keys. Revoke, rotate and usage: {@link KeyActions}. */
final class KeysResource implements Resource {
    private static final Set<String> FIELDS = Set.of("alias", "user_id", "team_id", "org_id", "tier_id", "models",
            "endpoints", "deployments", "pinned_deployment", "expires_at", "expires_in", "metadata", "tags", "limits",
            "enabled");

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/keys", Operation.KEY_CREATE, this::create),
                Route.get("/keys", Operation.KEY_LIST, this::list),
                Route.get("/keys/{id}", Operation.KEY_READ, this::read),
                Route.patch("/keys/{id}", Operation.KEY_UPDATE, this::update));
    }

    private AdminResponse create(Call call) {
        var body = call.body(FIELDS);
        var directory = call.directory();
        var userId = body.text("user_id");
        var teamId = body.text("team_id");
        var orgId = body.text("org_id");
        call.require(Operation.KEY_CREATE, new Target.OfKey(userId, teamId, owningOrg(userId, teamId, orgId,
                directory)), "You may create keys only for yourself, or for the teams and organizations you"
                        + " administer.");
        checkOwner(userId, teamId, orgId, directory);
        var backend = call.backend();
        var deployments = body.strings("deployments");
        var draft = new KeyDraft(KeyFields.alias(body.text("alias")), userId, teamId, orgId,
                Checks.tier(body.text("tier_id"), directory, "tier_id"),
                Checks.models(body.strings("models"), "models"), Checks.endpoints(body.strings("endpoints"),
                        "endpoints"), Set.copyOf(deployments),
                KeyFields.pinned(body.text("pinned_deployment"), deployments), body.limits("limits"),
                KeyFields.expiry(body, backend.clock().instant()), Checks.metadata(body.stringMap("metadata"),
                        "metadata"), KeyFields.tags(body.strings("tags")),
                body.bool("enabled") == null || Boolean.TRUE.equals(body.bool("enabled")));
        var minted = draft.mint(backend);
        call.store(() -> backend.keys().insert(minted.key()), "alias");
        var view = backend.views().key(minted.key(), backend.clock().instant());
        view.put("key", minted.secret());
        return backend.views().created(view);
    }

    /** As {@link Directory#ownerOf}: the key's own organization, or its team's, or its user's. */
    static @Nullable String owningOrg(@Nullable String userId, @Nullable String teamId, @Nullable String orgId,
            Directory directory) {
        if (orgId != null) {
            return orgId;
        }
        var team = teamId == null ? null : directory.teams().get(teamId);
        if (team != null) {
            return team.orgId();
        }
        var user = userId == null ? null : directory.users().get(userId);
        return user == null ? null : user.orgId();
    }

    /**
     * The owners must exist and agree: the team in the organization, the user in the team (or organization). The
     * team and user are checked before the organization, with one answer whether they are missing or elsewhere,
     * so the answer never tells whether another organization, team or user exists.
     */
    static void checkOwner(@Nullable String userId, @Nullable String teamId, @Nullable String orgId,
            Directory directory) {
        var team = teamId == null ? null : directory.teams().get(teamId);
        if (teamId != null && (team == null || orgId != null && !orgId.equals(team.orgId()))) {
            throw AdminError.unprocessable("team_id", "No team '" + teamId + "'"
                    + (orgId == null ? "." : " in organization '" + orgId + "'."));
        }
        var user = userId == null ? null : directory.users().get(userId);
        if (userId != null && team != null && (user == null || !user.teamIds().contains(team.id()))) {
            throw AdminError.unprocessable("user_id", "No user '" + userId + "' in team '" + team.id() + "'.");
        }
        if (userId != null && team == null && (user == null || orgId != null && !orgId.equals(user.orgId()))) {
            throw AdminError.unprocessable("user_id", "No user '" + userId + "'"
                    + (orgId == null ? "." : " in organization '" + orgId + "'."));
        }
        if (orgId != null) {
            Checks.org(orgId, directory, "org_id");
        }
    }

    private AdminResponse list(Call call) {
        int limit = call.limit();
        var filter = new KeyStore.Filter(call.query("user"), call.query("team"), call.query("org"),
                call.flag("include_revoked"), limit + 1, call.offset(),
                Permissions.keyReach(call.caller(), Operation.KEY_LIST));
        var backend = call.backend();
        var keys = backend.keys().list(filter);
        var now = backend.clock().instant();
        var page = keys.stream().limit(limit).map(key -> backend.views().key(key, now)).toList();
        return backend.views().ok(backend.views().page(page, keys.size() > limit));
    }

    /** The key the URL names, if the caller's roles reach it for the operation; 404 alike otherwise. */
    static VirtualKey find(Call call, Operation operation) {
        var id = call.param("id");
        return call.visible(operation, call.backend().keys().find(id).orElse(null),
                key -> Target.of(key, call.directory()), "key", id);
    }

    private AdminResponse read(Call call) {
        var backend = call.backend();
        return backend.views().ok(backend.views().key(find(call, Operation.KEY_READ), backend.clock().instant()));
    }

    private AdminResponse update(Call call) {
        var old = find(call, Operation.KEY_UPDATE);
        var body = call.body(FIELDS);
        for (var owner : List.of("user_id", "team_id", "org_id")) {
            if (body.has(owner)) {
                throw AdminError.invalid(owner, "A key's owner cannot change; create a new key instead.");
            }
        }
        var backend = call.backend();
        var now = backend.clock().instant();
        var enabled = body.has("enabled") ? Boolean.TRUE.equals(body.bool("enabled")) : old.enabled();
        if (enabled && old.revokedAt() != null) {
            throw AdminError.conflict("enabled", "A revoked key cannot be enabled again; create a new key.");
        }
        var deployments = body.has("deployments") ? body.strings("deployments")
                : List.copyOf(old.deployments());
        var pinned = body.has("pinned_deployment") ? body.text("pinned_deployment") : old.pinnedDeployment();
        var expires = body.has("expires_at") || body.has("expires_in") ? KeyFields.expiry(body, now)
                : old.expiresAt();
        var key = new VirtualKey(old.id(), old.hash(), old.prefix(),
                body.has("alias") ? KeyFields.alias(body.text("alias")) : old.alias(), old.userId(), old.teamId(),
                old.orgId(),
                body.has("tier_id") ? Checks.tier(body.text("tier_id"), call.directory(), "tier_id") : old.tierId(),
                body.has("models") ? Checks.models(body.strings("models"), "models") : old.models(),
                body.has("endpoints") ? Checks.endpoints(body.strings("endpoints"), "endpoints") : old.endpoints(),
                new HashSet<>(deployments), KeyFields.pinned(pinned, deployments),
                body.has("limits") ? body.limits("limits") : old.limits(), expires,
                body.has("metadata") ? Checks.metadata(body.stringMap("metadata"), "metadata") : old.metadata(),
                body.has("tags") ? KeyFields.tags(body.strings("tags")) : old.tags(), enabled, old.created(), now,
                old.lastUsed(), old.revokedAt());
        call.store(() -> backend.keys().update(key), "alias");
        return backend.views().ok(backend.views().key(key, now));
    }
}

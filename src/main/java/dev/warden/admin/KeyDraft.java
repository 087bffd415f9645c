package dev.warden.admin;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Limits;
import dev.warden.identity.VirtualKey;
import dev.warden.secret.KeyMinter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The attributes of a key about to be minted: everything but its id, secret, hash and times. */
record KeyDraft(@Nullable String alias, @Nullable String userId, @Nullable String teamId, @Nullable String orgId,
        @Nullable String tierId, List<String> models, Set<ApiEndpoint> endpoints, Set<String> deployments,
        @Nullable String pinnedDeployment, Limits limits, @Nullable Instant expiresAt, Map<String, String> metadata,
        List<String> tags, boolean enabled) {

    /** A new key and its secret, which exists only here and in the one response that hands it out. */
    record Minted(String secret, VirtualKey key) {}

    static KeyDraft of(VirtualKey key) {
        return new KeyDraft(key.alias(), key.userId(), key.teamId(), key.orgId(), key.tierId(), key.models(),
                key.endpoints(), key.deployments(), key.pinnedDeployment(), key.limits(), key.expiresAt(),
                key.metadata(), key.tags(), key.enabled());
    }

    Minted mint(Backend backend) {
        var secret = backend.minter().mint();
        var now = backend.clock().instant();
        var key = new VirtualKey(backend.ids().next("key"), backend.hasher().hash(secret),
                KeyMinter.displayPrefix(secret), alias, userId, teamId, orgId, tierId, models, endpoints, deployments,
                pinnedDeployment, limits, expiresAt, metadata, tags, enabled, now, now, null, null);
        return new Minted(secret, key);
    }
}

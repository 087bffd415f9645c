package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key as stored: never the secret itself, only its HMAC-SHA-256 under the server secret ({@code hash},
 * hex) and a short display prefix so people can tell their keys apart ({@code wk-3fa9…}).
 *
 * @param userId the owning user, if a person owns the key
 * @param teamId the owning team, if a team owns it (set together with the user for a user's key in a team)
 * @param orgId the owning organization
 * @param models allowed models (globs and aliases); empty inherits the owner's
 * @param endpoints allowed endpoint kinds; empty allows all
 * @param deployments deployments requests may be routed to; empty allows all
 * @param pinnedDeployment every request goes to this deployment
 * @param expiresAt after this instant the key is refused; a rotated key gets its grace period's end here
 * @param enabled false when disabled (reversible) or revoked
 * @param revokedAt when the key was revoked (permanent)
 */
public record VirtualKey(String id, String hash, String prefix, @Nullable String alias, @Nullable String userId,
        @Nullable String teamId, @Nullable String orgId, @Nullable String tierId, List<String> models,
        Set<ApiEndpoint> endpoints, Set<String> deployments, @Nullable String pinnedDeployment, Limits limits,
        @Nullable Instant expiresAt, Map<String, String> metadata, List<String> tags, boolean enabled,
        Instant created, Instant updated, @Nullable Instant lastUsed, @Nullable Instant revokedAt) {

    public VirtualKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(prefix, "prefix");
        models = List.copyOf(models);
        endpoints = Set.copyOf(endpoints);
        deployments = Set.copyOf(deployments);
        Objects.requireNonNull(limits, "limits");
        metadata = Map.copyOf(metadata);
        tags = List.copyOf(tags);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    /** Whether the key may be used at {@code now}: enabled, not revoked, not expired. */
    public boolean usableAt(Instant now) {
        return enabled && revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}

package dev.warden.testkit;

import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Limits;
import dev.warden.identity.VirtualKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key with every attribute defaulted (enabled, unrestricted, unowned), so a test sets only what it is
 * about. The hash and prefix derive from the id, which keeps them unique per key.
 */
public final class KeyBuilder {
    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final String id;
    private String hash;
    private String prefix;
    private @Nullable String alias;
    private @Nullable String userId;
    private @Nullable String teamId;
    private @Nullable String orgId;
    private @Nullable String tierId;
    private List<String> models = List.of();
    private Set<ApiEndpoint> endpoints = Set.of();
    private Set<String> deployments = Set.of();
    private @Nullable String pinnedDeployment;
    private Limits limits = Limits.NONE;
    private @Nullable Instant expiresAt;
    private Map<String, String> metadata = Map.of();
    private List<String> tags = List.of();
    private boolean enabled = true;
    private Instant created = T0;
    private Instant updated = T0;
    private @Nullable Instant lastUsed;
    private @Nullable Instant revokedAt;

    private KeyBuilder(String id) {
        this.id = id;
        this.hash = "hash-" + id;
        this.prefix = "wk-" + id + "…";
    }

    public static KeyBuilder key(String id) {
        return new KeyBuilder(id);
    }

    /** Every attribute of {@code key}, to change a few. */
    public static KeyBuilder from(VirtualKey key) {
        var builder = new KeyBuilder(key.id());
        builder.hash = key.hash();
        builder.prefix = key.prefix();
        builder.alias = key.alias();
        builder.userId = key.userId();
        builder.teamId = key.teamId();
        builder.orgId = key.orgId();
        builder.tierId = key.tierId();
        builder.models = key.models();
        builder.endpoints = key.endpoints();
        builder.deployments = key.deployments();
        builder.pinnedDeployment = key.pinnedDeployment();
        builder.limits = key.limits();
        builder.expiresAt = key.expiresAt();
        builder.metadata = key.metadata();
        builder.tags = key.tags();
        builder.enabled = key.enabled();
        builder.created = key.created();
        builder.updated = key.updated();
        builder.lastUsed = key.lastUsed();
        builder.revokedAt = key.revokedAt();
        return builder;
    }

    public KeyBuilder hash(String value) {
        hash = value;
        return this;
    }

    public KeyBuilder alias(@Nullable String value) {
        alias = value;
        return this;
    }

    public KeyBuilder user(@Nullable String value) {
        userId = value;
        return this;
    }

    public KeyBuilder team(@Nullable String value) {
        teamId = value;
        return this;
    }

    public KeyBuilder org(@Nullable String value) {
        orgId = value;
        return this;
    }

    public KeyBuilder tier(@Nullable String value) {
        tierId = value;
        return this;
    }

    public KeyBuilder models(String... values) {
        models = List.of(values);
        return this;
    }

    public KeyBuilder endpoints(ApiEndpoint... values) {
        endpoints = Set.of(values);
        return this;
    }

    public KeyBuilder deployments(String... values) {
        deployments = Set.of(values);
        return this;
    }

    public KeyBuilder pinned(@Nullable String value) {
        pinnedDeployment = value;
        return this;
    }

    public KeyBuilder limits(Limits value) {
        limits = value;
        return this;
    }

    public KeyBuilder expires(@Nullable Instant value) {
        expiresAt = value;
        return this;
    }

    public KeyBuilder metadata(Map<String, String> value) {
        metadata = value;
        return this;
    }

    public KeyBuilder tags(String... values) {
        tags = List.of(values);
        return this;
    }

    public KeyBuilder enabled(boolean value) {
        enabled = value;
        return this;
    }

    /** Sets both the creation and the update time. */
    public KeyBuilder created(Instant value) {
        created = value;
        updated = value;
        return this;
    }

    public KeyBuilder updated(Instant value) {
        updated = value;
        return this;
    }

    public KeyBuilder lastUsed(@Nullable Instant value) {
        lastUsed = value;
        return this;
    }

    public KeyBuilder revoked(@Nullable Instant value) {
        revokedAt = value;
        enabled = value == null && enabled;
        return this;
    }

    public VirtualKey build() {
        return new VirtualKey(id, hash, prefix, alias, userId, teamId, orgId, tierId, models, endpoints, deployments,
                pinnedDeployment, limits, expiresAt, metadata, tags, enabled, created, updated, lastUsed, revokedAt);
    }
}

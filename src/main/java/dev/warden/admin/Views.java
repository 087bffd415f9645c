package dev.warden.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Grant;
import dev.warden.identity.Limits;
import dev.warden.identity.Org;
import dev.warden.identity.Team;
import dev.warden.identity.Tier;
import dev.warden.identity.User;
import dev.warden.identity.VirtualKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the admin API answers with: snake_case fields, RFC 3339 instants. A key's view never has its hash, and
 * its secret is added only by the one response that creates it.
 */
final class Views {
    private final ObjectMapper mapper;

    Views(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ObjectNode org(Org org) {
        var node = object().put("object", "organization").put("id", org.id()).put("name", org.name());
        node.put("tier_id", org.tierId());
        return common(node, org.models(), org.limits(), org.metadata(), org.created());
    }

    ObjectNode team(Team team) {
        var node = object().put("object", "team").put("id", team.id()).put("org_id", team.orgId())
                .put("name", team.name());
        node.put("tier_id", team.tierId());
        return common(node, team.models(), team.limits(), team.metadata(), team.created());
    }

    ObjectNode user(User user) {
        var node = object().put("object", "user").put("id", user.id()).put("email", user.email());
        node.put("name", user.name());
        node.put("org_id", user.orgId());
        strings(node.putArray("team_ids"), user.teamIds().stream().sorted().toList());
        roles(node.putArray("roles"), user.grants());
        node.put("tier_id", user.tierId());
        return common(node, user.models(), user.limits(), user.metadata(), user.created());
    }

    void roles(ArrayNode array, Collection<Grant> grants) {
        grants.stream().sorted(Comparator.comparing((Grant g) -> g.role().ordinal())
                        .thenComparing(g -> String.valueOf(g.org())).thenComparing(g -> String.valueOf(g.team())))
                .forEach(grant -> {
                    var role = array.addObject().put("role", grant.role().wire());
                    if (grant.org() != null) {
                        role.put("org", grant.org());
                    }
                    if (grant.team() != null) {
                        role.put("team", grant.team());
                    }
                });
    }

    ObjectNode tier(Tier tier) {
        var node = object().put("object", "tier").put("id", tier.id()).put("name", tier.name());
        return common(node, tier.models(), tier.limits(), tier.metadata(), tier.created());
    }

    ObjectNode key(VirtualKey key, Instant now) {
        var node = object().put("object", "key").put("id", key.id()).put("prefix", key.prefix());
        node.put("alias", key.alias());
        node.put("user_id", key.userId());
        node.put("team_id", key.teamId());
        node.put("org_id", key.orgId());
        node.put("tier_id", key.tierId());
        strings(node.putArray("models"), key.models());
        strings(node.putArray("endpoints"), key.endpoints().stream().map(ApiEndpoint::wire).sorted().toList());
        strings(node.putArray("deployments"), key.deployments().stream().sorted().toList());
        node.put("pinned_deployment", key.pinnedDeployment());
        node.set("limits", limits(key.limits()));
        instant(node, "expires_at", key.expiresAt());
        node.set("metadata", map(key.metadata()));
        strings(node.putArray("tags"), key.tags());
        node.put("enabled", key.enabled());
        node.put("state", state(key, now));
        instant(node, "created_at", key.created());
        instant(node, "updated_at", key.updated());
        instant(node, "last_used_at", key.lastUsed());
        instant(node, "revoked_at", key.revokedAt());
        return node;
    }

    static String state(VirtualKey key, Instant now) {
        if (key.revokedAt() != null) {
            return "revoked";
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            return "expired";
        }
        return key.enabled() ? "active" : "disabled";
    }

    ObjectNode limits(Limits limits) {
        var node = object();
        node.put("rpm", limits.rpm());
        node.put("tpm", limits.tpm());
        node.put("max_parallel", limits.maxParallel());
        node.put("budget_usd", limits.budgetUsd());
        node.put("budget_window", limits.budgetWindow());
        node.put("token_budget", limits.tokenBudget());
        node.put("token_budget_window", limits.tokenBudgetWindow());
        return node;
    }

    /** A page of a listing: {@code {"object": "list", "data": [...], "has_more": bool}}. */
    ObjectNode page(List<? extends JsonNode> items, boolean hasMore) {
        var node = object().put("object", "list");
        node.putArray("data").addAll(items);
        node.put("has_more", hasMore);
        return node;
    }

    private ObjectNode common(ObjectNode node, List<String> models, Limits limits, Map<String, String> metadata,
            Instant created) {
        strings(node.putArray("models"), models);
        node.set("limits", limits(limits));
        node.set("metadata", map(metadata));
        instant(node, "created_at", created);
        return node;
    }

    private ObjectNode map(Map<String, String> values) {
        var node = object();
        new TreeMap<>(values).forEach(node::put);
        return node;
    }

    static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    static void instant(ObjectNode node, String field, @Nullable Instant value) {
        node.put(field, value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    AdminResponse ok(JsonNode node) {
        return AdminResponse.json(200, bytes(node));
    }

    AdminResponse created(JsonNode node) {
        return AdminResponse.json(201, bytes(node));
    }
}

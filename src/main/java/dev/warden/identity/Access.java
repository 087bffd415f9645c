package dev.warden.identity;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a principal may use, after the chain of key, user, team, organization and their tiers is folded into one
 * ({@link AccessResolver}). Every list is an allowlist where empty means "no restriction at this level".
 *
 * @param models the allowed models, as one allowlist per level; a model must pass every one of them
 * @param endpoints the allowed endpoint kinds; empty allows all
 * @param deployments the deployments requests may be routed to; empty allows all
 * @param pinnedDeployment when set, every request goes to this deployment
 */
public record Access(List<ModelAllowlist> models, Set<ApiEndpoint> endpoints, Set<String> deployments,
        @Nullable String pinnedDeployment) {

    public static final Access UNRESTRICTED = new Access(List.of(), Set.of(), Set.of(), null);

    public Access {
        models = models.stream().filter(list -> !list.allowsAll()).toList();
        endpoints = Set.copyOf(endpoints);
        deployments = Set.copyOf(deployments);
    }

    public boolean allowsModel(String model) {
        for (var list : models) {
            if (!list.allows(model)) {
                return false;
            }
        }
        return true;
    }

    public boolean allowsEndpoint(ApiEndpoint endpoint) {
        return endpoints.isEmpty() || endpoints.contains(endpoint);
    }

    public boolean allowsDeployment(String deployment) {
        return (deployments.isEmpty() || deployments.contains(deployment))
                && (pinnedDeployment == null || pinnedDeployment.equals(deployment));
    }

    public boolean restrictsModels() {
        return !models.isEmpty();
    }
}

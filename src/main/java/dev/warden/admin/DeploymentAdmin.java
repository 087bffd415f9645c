package dev.warden.admin;

import dev.warden.registry.DeploymentDocuments;
import dev.warden.registry.DeploymentStore;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the deployments resource works with: the store, the document rules (validation and sealing), and what the
 * configuration file already defines, which the admin API may neither shadow nor change.
 *
 * @param configured the configuration file's deployments, name → provider
 * @param configuredModels the configuration file's model aliases
 */
public record DeploymentAdmin(DeploymentStore store, DeploymentDocuments documents, Map<String, String> configured,
        Set<String> configuredModels) {

    public DeploymentAdmin {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(documents, "documents");
        configured = Map.copyOf(configured);
        configuredModels = Set.copyOf(configuredModels);
    }

    public static DeploymentAdmin of(DeploymentStore store, DeploymentDocuments documents,
            Map<String, String> configured, Set<String> configuredModels) {
        return new DeploymentAdmin(store, documents, configured, configuredModels);
    }
}

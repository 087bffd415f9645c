package dev.warden.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A deployment document as stored: JSON with its credentials sealed ({@link DeploymentDocuments#seal}).
 *
 * @param revision the store revision it was last written at
 */
public record StoredDeployment(String name, String document, Instant created, Instant updated, long revision) {
    public StoredDeployment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }
}

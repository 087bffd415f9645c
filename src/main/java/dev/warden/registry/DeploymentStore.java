package dev.warden.registry;

import java.util.List;
import java.util.Optional;

/** Where deployments added through the admin API are kept; writes bump the shared revision. */
public interface DeploymentStore {

    /** The store-wide revision (the same counter identity writes bump). */
    long revision();

    List<StoredDeployment> list();

    Optional<StoredDeployment> find(String name);

    /** @throws RuntimeException a conflict when the name is taken */
    StoredDeployment insert(StoredDeployment deployment);

    /** @return false when there is no such deployment */
    boolean update(StoredDeployment deployment);

    /** @return false when there is no such deployment */
    boolean delete(String name);
}

package dev.warden.registry;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps this instance's routing in step with the stored deployments: polls the store's revision every
 * {@code interval} and, when the set of stored deployments changed (added, edited or removed, by any instance),
 * hands the whole list to {@code apply}. A failed poll keeps the current routing. The polling is
 * {@link RevisionSync}'s, shared with the price overrides.
 */
public final class DeploymentSync implements AutoCloseable {
    private final RevisionSync<List<StoredDeployment>> sync;

    private DeploymentSync(RevisionSync<List<StoredDeployment>> sync) {
        this.sync = sync;
    }

    /** Applies the stored deployments once (failing fast when the store is unreachable), then polls. */
    public static DeploymentSync start(DeploymentStore store, Duration interval,
            Consumer<List<StoredDeployment>> apply) {
        return new DeploymentSync(RevisionSync.start("stored deployments", store::revision, store::list, apply,
                interval, List.of()));
    }

    /** Catches up now; called after this instance writes a deployment, and by the poller. */
    public void refreshNow() {
        sync.refreshNow();
    }

    @Override
    public void close() {
        sync.close();
    }
}

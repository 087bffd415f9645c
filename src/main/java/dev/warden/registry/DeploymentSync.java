package dev.warden.registry;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keeps this instance's routing in step with the stored deployments: polls the store's revision every
 * {@code interval} and, when the set of stored deployments changed (added, edited or removed, by any instance),
 * hands the whole list to {@code apply}. A failed poll keeps the current routing.
 */
public final class DeploymentSync implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("warden.registry");

    private final DeploymentStore store;
    private final Duration interval;
    private final Consumer<List<StoredDeployment>> apply;
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread poller;
    private long seenRevision = -1;
    private List<StoredDeployment> applied = List.of();
    private volatile boolean closed;
    private volatile boolean failing;

    private DeploymentSync(DeploymentStore store, Duration interval, Consumer<List<StoredDeployment>> apply) {
        this.store = store;
        this.interval = interval;
        this.apply = apply;
        this.poller = Thread.ofPlatform().daemon().name("warden-deployment-sync").unstarted(this::poll);
    }

    /** Applies the stored deployments once (failing fast when the store is unreachable), then polls. */
    public static DeploymentSync start(DeploymentStore store, Duration interval,
            Consumer<List<StoredDeployment>> apply) {
        var sync = new DeploymentSync(store, interval, apply);
        sync.refreshNow();
        sync.poller.start();
        return sync;
    }

    /** Catches up now; called after this instance writes a deployment, and by the poller. */
    public void refreshNow() {
        lock.lock();
        try {
            long revision = store.revision();
            if (revision == seenRevision) {
                return;
            }
            var current = store.list();
            if (!current.equals(applied)) {
                apply.accept(current);
                applied = current;
            }
            seenRevision = revision;
        } finally {
            lock.unlock();
        }
    }

    private void poll() {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException stop) {
                break;
            }
            try {
                refreshNow();
                failing = false;
            } catch (RuntimeException unreachable) {
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "cannot read stored deployments; routing stays as it is: "
                            + unreachable.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

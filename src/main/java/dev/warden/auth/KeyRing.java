package dev.warden.auth;

import dev.warden.identity.Directory;
import dev.warden.identity.IdentityStore;
import dev.warden.identity.VirtualKey;
import dev.warden.pipeline.Principal;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory copy of every virtual key and of the directory they are resolved against, so authentication never
 * waits on the database. A background thread polls the store's revision every {@code interval}; when it moved, the
 * keys written since are reloaded, along with the (small) directory, and every key's principal is rebuilt. A
 * change made on any instance therefore reaches every instance within one interval; a change made here is applied
 * at once ({@link #refreshNow}). When the database is unreachable the last good copy keeps serving.
 */
public final class KeyRing implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("warden.auth");

    /** A key and the principal it authenticates as, prepared ahead of the request. */
    record Entry(VirtualKey key, Principal principal) {}

    /** One consistent view; replaced whole on refresh. */
    private record View(Map<String, Entry> byHash, Directory directory, long revision) {}

    private final IdentityStore store;
    private final Duration interval;
    private final ReentrantLock refreshing = new ReentrantLock();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile View view = new View(Map.of(), Directory.EMPTY, -1);
    private volatile boolean closed;
    private volatile boolean failing;

    private KeyRing(IdentityStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
        this.poller = Thread.ofPlatform().daemon().name("warden-key-ring").unstarted(this::poll);
    }

    /** Loads everything once (failing fast if the store is unreachable at start), then polls in the background. */
    public static KeyRing start(IdentityStore store, Duration interval) {
        var ring = new KeyRing(store, interval);
        ring.refreshNow();
        ring.poller.start();
        return ring;
    }

    /** The prepared entry for a key hash, if such a key exists (usable or not). */
    Optional<Entry> find(String hash) {
        return Optional.ofNullable(view.byHash.get(hash));
    }

    public Directory directory() {
        return view.directory;
    }

    public long revision() {
        return view.revision;
    }

    /** Notes a key's use; written to the store in batches by the poller. */
    void touched(String keyId, Instant at) {
        lastUsed.put(keyId, at);
    }

    /** Catches up with the store now; called after this instance writes, and by the poller. */
    public void refreshNow() {
        refreshing.lock();
        try {
            var current = view;
            long revision = store.revision();
            if (revision == current.revision) {
                return;
            }
            // Read the revision first: rows are committed in revision order, so every key up to it is visible.
            var changed = store.keysChangedSince(Math.max(current.revision, 0));
            var directory = store.directory();
            var keys = new HashMap<String, VirtualKey>();
            current.byHash.values().forEach(entry -> keys.put(entry.key().id(), entry.key()));
            changed.forEach(key -> keys.put(key.id(), key));
            var byHash = new HashMap<String, Entry>(keys.size() * 2);
            for (var key : keys.values()) {
                byHash.put(key.hash(), new Entry(key, principal(key, directory)));
            }
            view = new View(Map.copyOf(byHash), directory, revision);
        } finally {
            refreshing.unlock();
        }
    }

    private static Principal principal(VirtualKey key, Directory directory) {
        var owner = directory.ownerOf(key);
        var grants = key.userId() == null ? Set.<dev.warden.identity.Grant>of() : directory.grantsOf(key.userId());
        return new Principal(key.id(), Principal.Kind.VIRTUAL_KEY, owner, directory.accessOf(key), grants,
                directory.limitsOf(key));
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
                flushLastUsed();
                if (failing) {
                    failing = false;
                    LOG.log(Level.INFO, "identity store reachable again; keys are current");
                }
            } catch (RuntimeException unreachable) {
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "identity store unreachable; serving the keys loaded at revision "
                            + view.revision + " until it is back: " + unreachable.getMessage());
                }
            }
        }
    }

    private void flushLastUsed() {
        if (lastUsed.isEmpty()) {
            return;
        }
        var batch = new HashMap<String, Instant>();
        for (var id : Set.copyOf(lastUsed.keySet())) {
            @Nullable Instant at = lastUsed.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        store.recordLastUsed(batch);
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        try {
            poller.join(Duration.ofSeconds(5));
            flushLastUsed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unreachable) {
            LOG.log(Level.WARNING, "could not record key last-used times on shutdown: " + unreachable.getMessage());
        }
    }
}

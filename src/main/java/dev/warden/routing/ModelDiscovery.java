package dev.warden.routing;

import dev.warden.llm.ModelInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Models that upstreams report they have (Ollama's {@code /api/tags}), listed as {@code deployment/model} beside
 * the configured aliases so clients can see what they may address directly. Refreshed in the background: the
 * request path only reads the last answer, and an upstream that is down keeps its last known list.
 */
public final class ModelDiscovery implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ModelDiscovery.class.getName());

    private final Map<String, Supplier<List<ModelInfo>>> sources;
    private final Map<String, List<ModelInfo>> known = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;

    private ModelDiscovery(Map<String, Supplier<List<ModelInfo>>> sources, Duration every) {
        this.sources = Map.copyOf(sources);
        this.refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("warden-model-discovery").factory());
        if (!this.sources.isEmpty()) {
            refresher.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** @param sources per deployment name, how to ask it for its models (blocking; called off the request path) */
    public static ModelDiscovery start(Map<String, Supplier<List<ModelInfo>>> sources, Duration every) {
        return new ModelDiscovery(sources, every);
    }

    /** Asks every source once, now. */
    public void refresh() {
        sources.forEach((deployment, source) -> {
            try {
                var models = new ArrayList<ModelInfo>();
                for (var model : source.get()) {
                    models.add(new ModelInfo(deployment + "/" + model.id(), deployment, model.created()));
                }
                known.put(deployment, List.copyOf(models));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "model discovery for deployment " + deployment + " failed: "
                        + e.getMessage());
            }
        });
    }

    /** The models discovered so far, by deployment name order. */
    public List<ModelInfo> models() {
        var all = new ArrayList<ModelInfo>();
        sources.keySet().stream().sorted().forEach(deployment -> all.addAll(known.getOrDefault(deployment,
                List.of())));
        return all;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}

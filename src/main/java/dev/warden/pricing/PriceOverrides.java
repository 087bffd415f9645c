package dev.warden.pricing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price overrides in force, indexed for the request path: immutable, so an instance swaps in a whole new set
 * when the stored overrides change and a call never sees half an update.
 */
public final class PriceOverrides {
    private static final PriceOverrides NONE = new PriceOverrides(Map.of(), List.of());

    /** An override's scope: a deployment, or "" for every deployment (a name is never empty). */
    private record Key(String deployment, String model) {}

    private final Map<Key, PriceOverride> byKey;
    private final List<PriceOverride> all;

    private PriceOverrides(Map<Key, PriceOverride> byKey, List<PriceOverride> all) {
        this.byKey = byKey;
        this.all = all;
    }

    public static PriceOverrides none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException when two overrides share a scope and model (the store forbids it)
     */
    public static PriceOverrides of(List<PriceOverride> overrides) {
        var index = new HashMap<Key, PriceOverride>();
        for (var override : overrides) {
            var key = new Key(override.scope().orElse(""), override.model());
            if (index.putIfAbsent(key, override) != null) {
                throw new IllegalArgumentException("two price overrides for " + key);
            }
        }
        return new PriceOverrides(Map.copyOf(index), List.copyOf(overrides));
    }

    /** The override for this model on exactly this deployment. */
    public Optional<PriceOverride> onDeployment(String deployment, String model) {
        return Optional.ofNullable(byKey.get(new Key(deployment, model)));
    }

    /** The override for this model on every deployment. */
    public Optional<PriceOverride> onEveryDeployment(String model) {
        return Optional.ofNullable(byKey.get(new Key("", model)));
    }

    public List<PriceOverride> all() {
        return all;
    }
}

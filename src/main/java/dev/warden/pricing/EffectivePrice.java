package dev.warden.pricing;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The price that applies to a model on a deployment now, and where it comes from, so an operator can see why a
 * call cost what it did (or was refused as unpriced).
 *
 * @param price null when {@code source} is {@link Source#NONE}
 * @param override the override that decided, when {@code source} is {@link Source#OVERRIDE}
 * @param entry the catalog entry that decided, when {@code source} is {@link Source#CATALOG} and the price came
 *              from the list (the free demo deployment has none)
 * @param unpricedAllowed whether the deployment serves unpriced models to budgeted principals
 */
public record EffectivePrice(Source source, @Nullable Price price, @Nullable PriceOverride override,
        @Nullable CatalogEntry entry, boolean unpricedAllowed) {

    /** Where a price comes from, in the order they are consulted (an override can come first or third). */
    public enum Source {
        OVERRIDE, DEPLOYMENT, CATALOG, NONE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EffectivePrice {
        Objects.requireNonNull(source, "source");
        if ((price == null) != (source == Source.NONE)) {
            throw new IllegalArgumentException("a price exactly when there is a source, got " + source);
        }
    }

    public static EffectivePrice of(PriceOverride override) {
        return new EffectivePrice(Source.OVERRIDE, override.price(), override, null, false);
    }

    public static EffectivePrice unpriced(boolean allowed) {
        return new EffectivePrice(Source.NONE, null, null, null, allowed);
    }
}

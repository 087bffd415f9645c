package dev.warden.spend;

import dev.warden.pricing.CostTier;
import dev.warden.pricing.Price;
import java.util.Optional;

/**
 * The price of a model on a deployment: the deployment's own, else the catalog's, else none; and its cost tier,
 * which weighs its tokens against token budgets.
 */
public interface PriceSource {

    /** A priced model, or why there is none. */
    sealed interface Lookup {
        record Priced(Price price) implements Lookup {}

        /** @param allowed the deployment serves unpriced models even to principals with a budget */
        record Unpriced(boolean allowed) implements Lookup {}
    }

    Lookup lookup(String deployment, String upstreamModel);

    /**
     * The class a model's tokens are weighed by: the deployment's {@code cost_tier}, else what is known of its price
     * (the catalog's class), else {@link CostTier#forUnknown()}, since a model Warden cannot classify must never
     * count as cheap.
     */
    CostTier tier(String deployment, String upstreamModel);

    default Optional<Price> price(String deployment, String upstreamModel) {
        return lookup(deployment, upstreamModel) instanceof Lookup.Priced(var price) ? Optional.of(price)
                : Optional.empty();
    }
}

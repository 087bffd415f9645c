package dev.warden.admin;

import dev.warden.pricing.EffectivePrice;
import dev.warden.registry.PriceOverrideStore;
import java.util.Objects;

/**
 * What the prices resource works with: the stored overrides, and the gateway's own answer to "what does this
 * model cost on this deployment now" (the same code the request path prices calls with, so the explanation
 * cannot drift from the bill).
 */
public record PriceAdmin(PriceOverrideStore store, Explainer explainer) {

    /** The price that applies to a model on a deployment, as the request path would charge it. */
    @FunctionalInterface
    public interface Explainer {
        EffectivePrice effective(String deployment, String model);
    }

    public PriceAdmin {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(explainer, "explainer");
    }
}

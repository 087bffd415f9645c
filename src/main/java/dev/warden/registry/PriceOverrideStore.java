package dev.warden.registry;

import dev.warden.pricing.PriceOverride;
import java.util.List;
import java.util.Optional;

/**
 * Where price overrides set through the admin API are kept. Every write bumps the store-wide revision in its own
 * transaction, which is how every instance learns it must reload them ({@link RevisionSync}).
 */
public interface PriceOverrideStore {

    /** The store-wide revision (the counter every stored write bumps). */
    long revision();

    /** Every override, by model and then deployment (the shared one first). */
    List<PriceOverride> list();

    Optional<PriceOverride> find(String id);

    /** @throws RuntimeException a conflict when the deployment (or "every deployment") already has one for the model */
    PriceOverride insert(PriceOverride override);

    /** Replaces rates, tier, note, updated time and author; @return false when there is no such override */
    boolean update(PriceOverride override);

    /** @return false when there is no such override */
    boolean delete(String id);
}

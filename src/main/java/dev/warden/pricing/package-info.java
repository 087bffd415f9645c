/**
 * What a model costs. {@link dev.warden.pricing.PricingCatalog} holds list prices for the models of the hosted
 * providers (read from the {@code catalog.json} resource beside this package and checked at startup) plus
 * per-deployment overrides; {@link dev.warden.pricing.CostCalculator} turns a {@link dev.warden.pricing.Price}
 * and {@link dev.warden.pricing.TokenCounts} into exact US dollars; {@link dev.warden.pricing.CostTier} weighs
 * tokens by model class for token budgets.
 *
 * <p>Pure: records and the catalog reader only. Imports the JDK, JSpecify and Jackson (to read the data file),
 * nothing of Warden's, so budgets, limits, audit and the admin API can all depend on it.
 */
@NullMarked
package dev.warden.pricing;

import org.jspecify.annotations.NullMarked;

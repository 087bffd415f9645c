package dev.warden;

import dev.warden.config.DeploymentConfig;
import dev.warden.config.PricingConfig;
import dev.warden.config.ProviderKind;
import dev.warden.pricing.CatalogEntry;
import dev.warden.pricing.CostTier;
import dev.warden.pricing.EffectivePrice;
import dev.warden.pricing.Price;
import dev.warden.pricing.PriceOverrides;
import dev.warden.pricing.PricingCatalog;
import dev.warden.spend.PriceSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Prices for the deployments this instance routes to, first match wins:
 * <ol>
 * <li>an override set through the admin API for this model on this deployment;</li>
 * <li>the deployment's own {@code pricing} (configuration file or stored deployment);</li>
 * <li>an override for this model on every deployment;</li>
 * <li>the built-in catalog under the deployment's provider (openai-compatible deployments only when their base URL
 *     is a known provider's own API); the demo {@code echo} deployment is free on purpose;</li>
 * <li>none: unpriced.</li>
 * </ol>
 * A deployment-specific override beats the deployment's configured price so an operator can correct one model of
 * a configured deployment without a restart; a shared override yields to it, because a deployment's own rate
 * (a negotiated contract, a self-hosted box) is more specific than a model-wide figure. The overrides are read
 * from memory ({@code overrides} is swapped whole when the stored ones change), never from the database.
 *
 * <p>Cost tiers for token budgets follow the same order, a named tier before a price at each level: an override's
 * {@code cost_tier} for this deployment, the deployment's {@code cost_tier}, the class of that override's price;
 * the demo {@code echo} deployment is standard (a token budget counts its tokens one for one); the class of the
 * deployment's own {@code pricing}; a shared override's tier or price class; the catalog's class; and
 * {@link CostTier#forUnknown() frontier} for a model nobody priced.
 */
final class Prices implements PriceSource {
    private final PricingCatalog catalog;
    private final Map<String, DeploymentConfig> configured;
    private final Function<String, Optional<DeploymentConfig>> stored;
    private final Supplier<PriceOverrides> overrides;

    Prices(PricingCatalog catalog, Map<String, DeploymentConfig> configured,
            Function<String, Optional<DeploymentConfig>> stored, Supplier<PriceOverrides> overrides) {
        this.catalog = catalog;
        this.configured = Map.copyOf(configured);
        this.stored = stored;
        this.overrides = overrides;
    }

    @Override
    public Lookup lookup(String deployment, String upstreamModel) {
        var effective = effective(deployment, upstreamModel);
        return effective.price() != null ? new Lookup.Priced(effective.price())
                : new Lookup.Unpriced(effective.unpricedAllowed());
    }

    /** The price that applies and where it comes from; for the pipeline and for the admin API's explanation. */
    EffectivePrice effective(String deployment, String upstreamModel) {
        var current = overrides.get();
        var own = current.onDeployment(deployment, upstreamModel);
        if (own.isPresent()) {
            return EffectivePrice.of(own.get());
        }
        var config = config(deployment);
        if (config.isPresent() && config.get().pricing() != null) {
            return new EffectivePrice(EffectivePrice.Source.DEPLOYMENT, price(config.get().pricing()), null, null,
                    config.get().allowUnpriced());
        }
        var shared = current.onEveryDeployment(upstreamModel);
        if (shared.isPresent()) {
            return EffectivePrice.of(shared.get());
        }
        if (config.isEmpty()) {
            return EffectivePrice.unpriced(false);
        }
        boolean allowed = config.get().allowUnpriced();
        if (config.get().provider() == ProviderKind.ECHO) {
            return new EffectivePrice(EffectivePrice.Source.CATALOG, Price.explicitZero(), null, null, allowed);
        }
        return entry(config.get(), upstreamModel)
                .map(entry -> new EffectivePrice(EffectivePrice.Source.CATALOG, entry.price(), null, entry, allowed))
                .orElseGet(() -> EffectivePrice.unpriced(allowed));
    }

    @Override
    public CostTier tier(String deployment, String upstreamModel) {
        var current = overrides.get();
        var config = config(deployment);
        var own = current.onDeployment(deployment, upstreamModel);
        if (own.isPresent() && own.get().costTier() != null) {
            return own.get().costTier();
        }
        if (config.isPresent() && config.get().costTier() != null) {
            return CostTier.valueOf(config.get().costTier().toUpperCase(Locale.ROOT));
        }
        boolean embedding = config.flatMap(found -> entry(found, upstreamModel)).map(CatalogEntry::embedding)
                .orElse(false);
        if (own.isPresent()) {
            return CostTier.classify(own.get().price(), embedding);
        }
        if (config.isPresent() && config.get().provider() == ProviderKind.ECHO) {
            return CostTier.STANDARD;
        }
        if (config.isPresent() && config.get().pricing() != null) {
            return CostTier.classify(price(config.get().pricing()), embedding);
        }
        var shared = current.onEveryDeployment(upstreamModel);
        if (shared.isPresent()) {
            return shared.get().costTier() != null ? shared.get().costTier()
                    : CostTier.classify(shared.get().price(), embedding);
        }
        return config.flatMap(found -> entry(found, upstreamModel)).map(CatalogEntry::costTier)
                .orElse(CostTier.forUnknown());
    }

    private Optional<DeploymentConfig> config(String deployment) {
        return Optional.ofNullable(configured.get(deployment)).or(() -> stored.apply(deployment));
    }

    /** The catalog's entry for a model on a deployment, where the deployment pays a catalog provider's list. */
    private Optional<CatalogEntry> entry(DeploymentConfig deployment, String model) {
        return switch (deployment.provider()) {
            case OPENAI, ANTHROPIC, BEDROCK, GEMINI, VERTEX -> catalog.entry(deployment.provider().yamlName(), model);
            case OPENAI_COMPATIBLE -> PricingCatalog.providerForHost(deployment.baseUrl().getHost())
                    .flatMap(provider -> catalog.entry(provider, model));
            case ECHO, AZURE_OPENAI, OLLAMA -> Optional.empty();
        };
    }

    static Price price(PricingConfig config) {
        var price = Price.of(config.input(), config.output());
        if (config.cachedInput() != null) {
            price = price.withCachedInput(config.cachedInput());
        }
        if (config.cacheWrite() != null) {
            price = price.withCacheWrite(config.cacheWrite());
        }
        if (config.reasoning() != null) {
            price = price.withReasoning(config.reasoning());
        }
        return price;
    }
}

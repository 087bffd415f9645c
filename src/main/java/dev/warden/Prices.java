package dev.warden;

import dev.warden.config.DeploymentConfig;
import dev.warden.config.PricingConfig;
import dev.warden.config.ProviderKind;
import dev.warden.pricing.CatalogEntry;
import dev.warden.pricing.CostTier;
import dev.warden.pricing.Price;
import dev.warden.pricing.PricingCatalog;
import dev.warden.spend.PriceSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prices for the deployments this instance routes to: a deployment's own {@code pricing} first, else the built-in
 * catalog under the deployment's provider (openai-compatible deployments only when their base URL is a known
 * provider's own API), else none. The demo {@code echo} deployment is free on purpose.
 *
 * <p>Cost tiers for token budgets: a deployment's own {@code cost_tier} first, else the class of its own
 * {@code pricing}, else the catalog's class, else {@link CostTier#forUnknown() frontier}. The demo {@code echo}
 * deployment is standard, so a token budget counts its tokens one for one.
 */
final class Prices implements PriceSource {
    private final PricingCatalog catalog;
    private final Map<String, DeploymentConfig> configured;
    private final Function<String, Optional<DeploymentConfig>> stored;

    Prices(PricingCatalog catalog, Map<String, DeploymentConfig> configured,
            Function<String, Optional<DeploymentConfig>> stored) {
        this.catalog = catalog;
        this.configured = Map.copyOf(configured);
        this.stored = stored;
    }

    @Override
    public Lookup lookup(String deployment, String upstreamModel) {
        var config = Optional.ofNullable(configured.get(deployment)).or(() -> stored.apply(deployment));
        if (config.isEmpty()) {
            return new Lookup.Unpriced(false);
        }
        var price = price(config.get(), upstreamModel);
        return price.<Lookup>map(Lookup.Priced::new).orElseGet(() -> new Lookup.Unpriced(config.get().allowUnpriced()));
    }

    @Override
    public CostTier tier(String deployment, String upstreamModel) {
        var config = Optional.ofNullable(configured.get(deployment)).or(() -> stored.apply(deployment));
        if (config.isEmpty()) {
            return CostTier.forUnknown();
        }
        var own = config.get();
        if (own.costTier() != null) {
            return CostTier.valueOf(own.costTier().toUpperCase(Locale.ROOT));
        }
        if (own.provider() == ProviderKind.ECHO) {
            return CostTier.STANDARD;
        }
        var entry = entry(own, upstreamModel);
        if (own.pricing() != null) {
            return CostTier.classify(price(own.pricing()), entry.map(CatalogEntry::embedding).orElse(false));
        }
        return entry.map(CatalogEntry::costTier).orElse(CostTier.forUnknown());
    }

    private Optional<Price> price(DeploymentConfig deployment, String model) {
        if (deployment.pricing() != null) {
            return Optional.of(price(deployment.pricing()));
        }
        if (deployment.provider() == ProviderKind.ECHO) {
            return Optional.of(Price.explicitZero());
        }
        return entry(deployment, model).map(CatalogEntry::price);
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

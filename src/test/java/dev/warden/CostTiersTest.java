package dev.warden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ConfigLoader;
import dev.warden.config.DeploymentConfig;
import dev.warden.pricing.CostTier;
import dev.warden.pricing.PriceOverride;
import dev.warden.pricing.PriceOverrides;
import dev.warden.pricing.PricingCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which tier weighs a model's tokens: a named tier (an override's for the deployment, the deployment's cost_tier,
 * a shared override's), else the class of the price that applies, else unknown (frontier).
 */
class CostTiersTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private final AtomicReference<PriceOverrides> overrides = new AtomicReference<>(PriceOverrides.none());
    private final Prices prices = prices("""
            deployments:
              - name: openai
                provider: openai
                api_key: sk-test
              - name: openai-pinned
                provider: openai
                api_key: sk-test
                cost_tier: small
              - name: farm
                provider: openai-compatible
                base_url: http://127.0.0.1:8000/v1
                pricing: {input: 0.1, output: 0.2}
              - name: farm-unpriced
                provider: openai-compatible
                base_url: http://127.0.0.1:8000/v1
                unpriced: allow
              - name: lab
                provider: ollama
                cost_tier: Embedding
              - name: echo
                provider: echo
            """);

    private Prices prices(String yaml) {
        var byName = new LinkedHashMap<String, DeploymentConfig>();
        ConfigLoader.fragment("test.yaml", yaml).config().deployments().forEach(d -> byName.put(d.name(), d));
        return new Prices(PricingCatalog.builtIn(), byName, name -> Optional.empty(), () -> overrides.get());
    }

    @Test
    void theDeploymentsOwnCostTierWinsOverTheCatalog() {
        assertThat(prices.tier("openai", "gpt-4.5-preview")).isEqualTo(CostTier.FRONTIER);
        assertThat(prices.tier("openai-pinned", "gpt-4.5-preview")).isEqualTo(CostTier.SMALL);
        assertThat(prices.tier("lab", "nomic-embed-text")).isEqualTo(CostTier.EMBEDDING);
    }

    @Test
    void theCatalogClassifiesWhatItKnowsEmbeddingsIncluded() {
        assertThat(prices.tier("openai", "gpt-4o")).isEqualTo(CostTier.STANDARD);
        assertThat(prices.tier("openai", "gpt-4o-mini")).isEqualTo(CostTier.SMALL);
        assertThat(prices.tier("openai", "o1")).isEqualTo(CostTier.FRONTIER);
        assertThat(prices.tier("openai", "text-embedding-3-small")).isEqualTo(CostTier.EMBEDDING);
    }

    @Test
    void aDeploymentsOwnPriceIsClassifiedLikeTheCatalogs() {
        assertThat(prices.tier("farm", "llama-3.1-8b")).isEqualTo(CostTier.SMALL);
    }

    @Test
    void whatWardenCannotClassifyCountsAsFrontier() {
        assertThat(prices.tier("openai", "gpt-from-the-future")).isEqualTo(CostTier.FRONTIER);
        assertThat(prices.tier("farm-unpriced", "llama-3.1-8b")).isEqualTo(CostTier.FRONTIER);
        assertThat(prices.tier("nowhere", "gpt-4o")).isEqualTo(CostTier.FRONTIER);
    }

    @Test
    void theDemoEchoDeploymentIsStandard() {
        assertThat(prices.tier("echo", "echo")).isEqualTo(CostTier.STANDARD);
    }

    @Test
    void anOverridesNamedTierOrItsPriceDecidesInThePricesOrder() {
        overrides.set(PriceOverrides.of(List.of(
                override("pr_1", "openai-pinned", "gpt-4o", "1", "2", CostTier.FRONTIER),
                override("pr_2", null, "gpt-4o", "1", "2", CostTier.EMBEDDING),
                override("pr_3", null, "gpt-4.5-preview", "0.1", "0.2", null))));
        assertThat(prices.tier("openai-pinned", "gpt-4o")).as("an override for the deployment beats its cost_tier")
                .isEqualTo(CostTier.FRONTIER);
        assertThat(prices.tier("openai-pinned", "gpt-4.5-preview")).as("the deployment's cost_tier beats a shared"
                + " override").isEqualTo(CostTier.SMALL);
        assertThat(prices.tier("openai", "gpt-4o")).as("a shared override's named tier").isEqualTo(CostTier.EMBEDDING);
        assertThat(prices.tier("openai", "gpt-4.5-preview")).as("a shared override without a tier: its price's class")
                .isEqualTo(CostTier.SMALL);
        assertThat(prices.tier("farm", "gpt-4o")).as("the deployment's own price beats a shared override")
                .isEqualTo(CostTier.SMALL);
    }

    private static PriceOverride override(String id, @Nullable String deployment, String model, String input,
            String output, @Nullable CostTier tier) {
        return new PriceOverride(id, model, deployment, new BigDecimal(input), new BigDecimal(output), null, null,
                null, tier, null, T, T, "master");
    }
}

package dev.warden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ConfigLoader;
import dev.warden.config.DeploymentConfig;
import dev.warden.pricing.CostTier;
import dev.warden.pricing.PricingCatalog;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which tier weighs a model's tokens: the deployment's cost_tier, then its price, then the catalog, then unknown. */
class PricesTest {
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

    private static Prices prices(String yaml) {
        var byName = new LinkedHashMap<String, DeploymentConfig>();
        ConfigLoader.fragment("test.yaml", yaml).config().deployments().forEach(d -> byName.put(d.name(), d));
        return new Prices(PricingCatalog.builtIn(), byName, name -> Optional.empty());
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
}

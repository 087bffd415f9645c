package dev.warden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.config.ConfigLoader;
import dev.warden.config.DeploymentConfig;
import dev.warden.pricing.EffectivePrice.Source;
import dev.warden.pricing.Price;
import dev.warden.pricing.PriceOverride;
import dev.warden.pricing.PriceOverrides;
import dev.warden.pricing.PricingCatalog;
import dev.warden.spend.PriceSource.Lookup;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The order prices are looked up in: an override for this deployment, the deployment's own {@code pricing}, an
 * override for every deployment, the catalog, else unpriced; and overrides swapped in take effect on the next
 * lookup.
 */
class PricesTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final PricingCatalog CATALOG = PricingCatalog.builtIn();

    private final AtomicReference<PriceOverrides> overrides = new AtomicReference<>(PriceOverrides.none());
    private final Prices prices = new Prices(CATALOG, deployments(), name -> Optional.empty(), overrides::get);

    /** openai (catalog), contract (own pricing), local (self-hosted, unpriced), lenient (unpriced: allow). */
    private static Map<String, DeploymentConfig> deployments() {
        var config = ConfigLoader.fragment("test", """
                deployments:
                  - name: openai
                    provider: openai
                    api_key: sk-test
                  - name: contract
                    provider: openai
                    api_key: sk-test
                    pricing: {input: 2, output: 8}
                  - name: local
                    provider: openai-compatible
                    base_url: http://10.0.0.5:8000/v1
                  - name: lenient
                    provider: openai-compatible
                    base_url: http://10.0.0.6:8000/v1
                    unpriced: allow
                """).config();
        var byName = new LinkedHashMap<String, DeploymentConfig>();
        config.deployments().forEach(deployment -> byName.put(deployment.name(), deployment));
        return byName;
    }

    private static PriceOverride override(String id, @Nullable String deployment, String model, String input,
            String output) {
        return new PriceOverride(id, model, deployment, new BigDecimal(input), new BigDecimal(output), null, null,
                null, null, null, T, T, "master");
    }

    private void set(PriceOverride... all) {
        overrides.set(PriceOverrides.of(List.of(all)));
    }

    @Test
    void withoutOverridesTheDeploymentsOwnPriceThenTheCatalogThenNothing() {
        assertThat(prices.effective("contract", "gpt-4o").source()).isEqualTo(Source.DEPLOYMENT);
        assertThat(prices.price("contract", "gpt-4o")).contains(Price.of("2", "8"));
        var listed = prices.effective("openai", "gpt-4o");
        assertThat(listed.source()).isEqualTo(Source.CATALOG);
        assertThat(listed.price()).isEqualTo(CATALOG.find("openai", "gpt-4o").orElseThrow());
        assertThat(listed.entry().effective()).isEqualTo(LocalDate.parse("2025-11-01"));
        assertThat(listed.entry().source().getHost()).isEqualTo("platform.openai.com");
        assertThat(prices.lookup("local", "llama-3.1-70b")).isEqualTo(new Lookup.Unpriced(false));
        assertThat(prices.lookup("lenient", "llama-3.1-70b")).isEqualTo(new Lookup.Unpriced(true));
        assertThat(prices.lookup("nowhere", "gpt-4o")).isEqualTo(new Lookup.Unpriced(false));
    }

    @Test
    void anOverrideForTheDeploymentBeatsEverything() {
        set(override("pr_own", "contract", "gpt-4o", "1", "1"), override("pr_all", null, "gpt-4o", "9", "9"));
        var effective = prices.effective("contract", "gpt-4o");
        assertThat(effective.source()).isEqualTo(Source.OVERRIDE);
        assertThat(effective.override().id()).isEqualTo("pr_own");
        assertThat(prices.price("contract", "gpt-4o")).contains(Price.of("1", "1"));
        assertThat(prices.price("contract", "gpt-4o-mini")).as("another model of the deployment keeps its price")
                .contains(Price.of("2", "8"));
    }

    @Test
    void theDeploymentsOwnPriceBeatsAnOverrideForEveryDeployment() {
        set(override("pr_all", null, "gpt-4o", "9", "9"));
        assertThat(prices.effective("contract", "gpt-4o").source()).isEqualTo(Source.DEPLOYMENT);
        assertThat(prices.price("contract", "gpt-4o")).contains(Price.of("2", "8"));
    }

    @Test
    void anOverrideForEveryDeploymentBeatsTheCatalogAndPricesWhatWasUnpriced() {
        set(override("pr_all", null, "gpt-4o", "9", "9"), override("pr_llama", null, "llama-3.1-70b", "0", "0"));
        assertThat(prices.effective("openai", "gpt-4o").override().id()).isEqualTo("pr_all");
        assertThat(prices.price("openai", "gpt-4o")).contains(Price.of("9", "9"));
        assertThat(prices.lookup("local", "llama-3.1-70b")).isEqualTo(new Lookup.Priced(Price.explicitZero()));
        assertThat(prices.price("openai", "gpt-4o-mini")).as("other models keep the list price")
                .isEqualTo(CATALOG.find("openai", "gpt-4o-mini"));
        assertThat(prices.lookup("nowhere", "llama-3.1-70b")).as("an unknown deployment takes the shared override")
                .isEqualTo(new Lookup.Priced(Price.explicitZero()));
    }

    @Test
    void anOverrideForOneDeploymentLeavesTheOthersAlone() {
        set(override("pr_local", "local", "llama-3.1-70b", "0.2", "0.4"));
        assertThat(prices.price("local", "llama-3.1-70b")).contains(Price.of("0.2", "0.4"));
        assertThat(prices.lookup("lenient", "llama-3.1-70b")).isEqualTo(new Lookup.Unpriced(true));
    }

    @Test
    void aSwappedInSetAppliesToTheNextLookupAndRemovingItRestoresTheNextInLine() {
        assertThat(prices.lookup("local", "qwen")).isInstanceOf(Lookup.Unpriced.class);
        set(override("pr_q", "local", "qwen", "0.5", "1"));
        assertThat(prices.price("local", "qwen")).contains(Price.of("0.5", "1"));
        set();
        assertThat(prices.lookup("local", "qwen")).isEqualTo(new Lookup.Unpriced(false));
    }

    @Test
    void optionalRatesDefaultLikeTheCatalogs() {
        var override = new PriceOverride("pr_c", "m", null, new BigDecimal("3"), new BigDecimal("15"),
                new BigDecimal("0.3"), null, null, null, null, T, T, "master");
        set(override);
        var price = prices.price("local", "m").orElseThrow();
        assertThat(price.cachedInput()).isEqualByComparingTo("0.3");
        assertThat(price.cacheWrite()).as("cache writes at the input rate").isEqualByComparingTo("3");
        assertThat(price.reasoning()).as("reasoning at the output rate").isEqualByComparingTo("15");
    }
}

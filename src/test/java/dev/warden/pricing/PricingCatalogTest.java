package dev.warden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingCatalogTest {

    private static final PricingCatalog CATALOG = PricingCatalog.builtIn();

    @Test
    void theBuiltInCatalogCoversTheHostedProviders() {
        assertThat(CATALOG.entries()).hasSizeGreaterThanOrEqualTo(100);
        var counts = CATALOG.countByProvider();
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(PricingCatalog.providers());
        assertThat(counts.get("openai")).isGreaterThanOrEqualTo(25);
        assertThat(counts.get("anthropic")).isGreaterThanOrEqualTo(10);
        assertThat(counts.get("bedrock")).isGreaterThanOrEqualTo(40);
        assertThat(counts.get("gemini")).isGreaterThanOrEqualTo(8);
        assertThat(counts.get("mistral")).isGreaterThanOrEqualTo(12);
        assertThat(counts.get("groq")).isGreaterThanOrEqualTo(10);
        assertThat(counts.get("deepseek")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void bedrockCoversEachModelFamilyTheGatewayServes() {
        var bedrockIds = CATALOG.entries().stream().filter(entry -> entry.provider().equals("bedrock"))
                .map(CatalogEntry::id).toList();
        for (var family : new String[] {"amazon.nova-", "anthropic.claude-", "meta.llama", "mistral.",
                "google.gemma-", "cohere.embed-", "amazon.titan-embed-"}) {
            assertThat(bedrockIds).as(family).anyMatch(id -> id.startsWith(family));
        }
    }

    @Test
    void everyEntryIsCoherent() {
        for (var entry : CATALOG.entries()) {
            var name = entry.provider() + "/" + entry.id();
            var price = entry.price();
            assertThat(price.cachedInput()).as(name + " cache reads are a discount")
                    .isLessThanOrEqualTo(price.input());
            assertThat(price.input().signum() > 0).as(name + " has an input price").isTrue();
            assertThat(entry.effective()).as(name).isAfter(LocalDate.of(2023, 1, 1));
            assertThat(entry.source().getScheme()).as(name).isEqualTo("https");
            assertThat(entry.contextWindow()).as(name).isPositive();
            if (entry.embedding()) {
                assertThat(price.output().signum()).as(name + " bills input only").isZero();
                assertThat(entry.costTier()).as(name).isEqualTo(CostTier.EMBEDDING);
            } else {
                assertThat(price.output()).as(name + " output costs at least input").isGreaterThanOrEqualTo(
                        price.input());
            }
            for (var tier : price.tiers()) {
                assertThat(tier.aboveInputTokens()).as(name).isLessThan(entry.contextWindow());
                assertThat(tier.price().input()).as(name + " long context costs more").isGreaterThan(price.input());
            }
            // Every id and alias finds its own entry back.
            assertThat(CATALOG.entry(entry.provider(), entry.id())).as(name).contains(entry);
            entry.aliases().forEach(alias -> assertThat(CATALOG.entry(entry.provider(), alias)).as(alias)
                    .contains(entry));
        }
    }

    @Test
    void exactIdsAndAliasesAreFound() {
        assertThat(rate("openai", "gpt-4o")).isEqualByComparingTo("2.5");
        assertThat(rate("openai", "gpt-4o-2024-08-06")).isEqualByComparingTo("2.5");
        assertThat(rate("anthropic", "claude-sonnet-4-5")).isEqualByComparingTo("3");
        assertThat(rate("mistral", "mistral-large-latest")).isEqualByComparingTo("2");
        assertThat(rate("OpenAI", " GPT-4o-Mini ")).isEqualByComparingTo("0.15");
    }

    @Test
    void aDatedOpenAiSnapshotIsItsOwnEntryOrUnknownNeverGuessed() {
        assertThat(rate("openai", "gpt-4o-2024-05-13")).isEqualByComparingTo("5");
        assertThat(CATALOG.find("openai", "gpt-4o-2099-01-01")).isEmpty();
        assertThat(CATALOG.find("openai", "gpt-4o-mini-2099-01-01")).isEmpty();
    }

    @Test
    void bedrockIdsMatchAcrossRegionPrefixesArnsAndRevisionSuffixes() {
        var canonical = CATALOG.entry("bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0").orElseThrow();
        for (var spelled : new String[] {"us.anthropic.claude-3-5-sonnet-20241022-v2:0",
                "eu.anthropic.claude-3-5-sonnet-20241022-v2:0", "apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
                "anthropic.claude-3-5-sonnet-20241022-v2", "anthropic.claude-3-5-sonnet-20241022",
                "anthropic.claude-3-5-sonnet-20241022-v2:0:200k",
                "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0",
                "arn:aws:bedrock:us-west-2:123456789012:inference-profile/"
                        + "us.anthropic.claude-3-5-sonnet-20241022-v2:0"}) {
            assertThat(CATALOG.entry("bedrock", spelled)).as(spelled).contains(canonical);
        }
        assertThat(CATALOG.entry("bedrock", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"))
                .map(CatalogEntry::id).contains("anthropic.claude-sonnet-4-5-20250929-v1:0");
        // The June 2024 Claude 3.5 Sonnet is a different model, not a prefix variant.
        assertThat(CATALOG.entry("bedrock", "us.anthropic.claude-3-5-sonnet-20240620-v1:0")).map(CatalogEntry::id)
                .contains("anthropic.claude-3-5-sonnet-20240620-v1:0");
    }

    @Test
    void anAmbiguousBedrockBaseNameMatchesNothing() {
        // Titan text embeddings v1 and v2 are priced tenfold apart.
        assertThat(rate("bedrock", "amazon.titan-embed-text-v1")).isEqualByComparingTo("0.10");
        assertThat(rate("bedrock", "amazon.titan-embed-text-v2")).isEqualByComparingTo("0.02");
        assertThat(CATALOG.find("bedrock", "amazon.titan-embed-text")).isEmpty();
    }

    @Test
    void geminiPathsAndVertexResolveToTheGeminiList() {
        assertThat(rate("gemini", "models/gemini-2.5-flash")).isEqualByComparingTo("0.30");
        assertThat(rate("vertex", "publishers/google/models/gemini-2.5-pro")).isEqualByComparingTo("1.25");
    }

    @Test
    void unknownModelsProvidersAndAzureDeploymentsAreUnpriced() {
        assertThat(CATALOG.find("openai", "my-finetune")).isEmpty();
        assertThat(CATALOG.find("ollama", "llama3.1:8b")).isEmpty();
        assertThat(CATALOG.find("azure", "gpt-4o")).isEmpty();
        assertThat(CATALOG.find("openai-compatible", "gpt-4o")).isEmpty();
        assertThat(CATALOG.find("groq", "gpt-4o")).isEmpty();
        assertThat(CATALOG.costTierFor("local", "ollama", "llama3.1:8b")).isEqualTo(CostTier.forUnknown());
    }

    @Test
    void aDeploymentOverrideWinsOverTheListAndLaterOverridesWinOverEarlierOnes() {
        var internal = Price.internalRate(new BigDecimal("0.05"), new BigDecimal("0.10"));
        var priced = CATALOG.withOverrides(Map.of("azure-east", Price.of("2.5", "10"), "gpu-farm", internal,
                "cheap-openai", Price.of("1", "2")));
        assertThat(priced.priceFor("azure-east", "azure", "prod-4o")).contains(Price.of("2.5", "10"));
        assertThat(priced.priceFor("gpu-farm", "ollama", "llama3.1:8b")).contains(internal);
        assertThat(priced.priceFor("cheap-openai", "openai", "gpt-4o")).contains(Price.of("1", "2"));
        assertThat(priced.priceFor("openai-main", "openai", "gpt-4o").orElseThrow().input())
                .isEqualByComparingTo("2.5");
        assertThat(priced.costTierFor("gpu-farm", "ollama", "llama3.1:8b")).isEqualTo(CostTier.SMALL);

        var again = priced.withOverrides(Map.of("gpu-farm", Price.explicitZero()));
        assertThat(again.priceFor("gpu-farm", "ollama", "x").orElseThrow().isZero()).isTrue();
        // Catalogs are values: the earlier one is unchanged.
        assertThat(priced.priceFor("gpu-farm", "ollama", "x")).contains(internal);
        assertThat(CATALOG.priceFor("gpu-farm", "ollama", "x")).isEmpty();
        assertThat(CATALOG.overrides()).isEmpty();
    }

    @Test
    void openAiCompatibleDeploymentsAtAProvidersOwnHostUseItsList() {
        assertThat(PricingCatalog.providerForHost("api.groq.com")).contains("groq");
        assertThat(PricingCatalog.providerForHost("API.Mistral.ai")).contains("mistral");
        assertThat(PricingCatalog.providerForHost("api.deepseek.com")).contains("deepseek");
        assertThat(PricingCatalog.providerForHost("vllm.internal")).isEmpty();
        assertThat(PricingCatalog.providerForHost("my-resource.openai.azure.com")).isEmpty();
    }

    @Test
    void entriesCarryTheirCostTier() {
        assertThat(tier("openai", "gpt-4o")).isEqualTo(CostTier.STANDARD);
        assertThat(tier("openai", "gpt-4o-mini")).isEqualTo(CostTier.SMALL);
        assertThat(tier("anthropic", "claude-opus-4-1")).isEqualTo(CostTier.FRONTIER);
        assertThat(tier("openai", "o1-pro")).isEqualTo(CostTier.FRONTIER);
        assertThat(tier("bedrock", "cohere.embed-v4:0")).isEqualTo(CostTier.EMBEDDING);
        assertThat(tier("bedrock", "us.amazon.nova-lite-v1:0")).isEqualTo(CostTier.SMALL);
    }

    private static BigDecimal rate(String provider, String model) {
        return CATALOG.find(provider, model).orElseThrow(() -> new AssertionError(provider + "/" + model)).input();
    }

    private static CostTier tier(String provider, String model) {
        return CATALOG.costTierFor("any", provider, model);
    }
}

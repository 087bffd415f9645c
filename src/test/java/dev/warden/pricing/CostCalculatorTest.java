package dev.warden.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    private static final PricingCatalog CATALOG = PricingCatalog.builtIn();

    @Test
    void cachedPromptTokensPayTheCachedRate() {
        // gpt-4o: 6,000 uncached × $2.50 + 4,000 cached × $1.25 + 1,000 out × $10, per million.
        var tokens = new TokenCounts(10_000, 1_000, 4_000, 0, false);
        assertThat(cost("openai", "gpt-4o", tokens)).isEqualByComparingTo("0.03");
    }

    @Test
    void anthropicCacheWritesPayTheirOwnRate() {
        // Sonnet 4.5: 2,000 × $3 + 6,000 read × $0.30 + 2,000 written × $3.75 + 500 out × $15.
        var tokens = new TokenCounts(10_000, 500, 6_000, 2_000, 0, false);
        assertThat(cost("anthropic", "claude-sonnet-4-5", tokens)).isEqualByComparingTo("0.0228");
    }

    @Test
    void reasoningInsideTheCompletionIsNotBilledTwice() {
        // o3 bills reasoning as output: 2,000 × $2 + 5,000 completion (4,000 of it reasoning) × $8.
        var tokens = new TokenCounts(2_000, 5_000, 0, 4_000, false);
        assertThat(cost("openai", "o3", tokens)).isEqualByComparingTo("0.044");
    }

    @Test
    void aDistinctReasoningRateAppliesToReasoningTokensOnly() {
        var price = Price.of("1", "4").withReasoning(new BigDecimal("10"));
        // 400 visible × $4 + 600 reasoning × $10.
        assertThat(CostCalculator.cost(price, new TokenCounts(0, 1_000, 0, 600, false)))
                .isEqualByComparingTo("0.0076");
    }

    @Test
    void theLongContextBandIsChosenByPromptSizeAndAppliesToTheWholeRequest() {
        // Gemini 2.5 Pro: at exactly 200,000 the base rates apply, above it the >200k rates for input and output.
        assertThat(cost("gemini", "gemini-2.5-pro", TokenCounts.of(200_000, 1_000))).isEqualByComparingTo("0.26");
        assertThat(cost("gemini", "gemini-2.5-pro", TokenCounts.of(200_001, 1_000)))
                .isEqualByComparingTo("0.5150025");
        // Sonnet 4 1M context, all at the >200k band: 200,000 uncached × $6 + 100,000 cached × $0.60 + 2,000 × $22.50.
        var tokens = new TokenCounts(300_000, 2_000, 100_000, 0, false);
        assertThat(cost("anthropic", "claude-sonnet-4-20250514", tokens)).isEqualByComparingTo("1.305");
    }

    @Test
    void embeddingsBillInputOnly() {
        assertThat(cost("openai", "text-embedding-3-small", TokenCounts.of(1_234_567, 0)))
                .isEqualByComparingTo("0.02469134");
    }

    @Test
    void costsKeepFullPrecisionAndRoundOnlyWhenRendered() {
        var oneToken = cost("openai", "gpt-5-nano", TokenCounts.of(1, 0));
        assertThat(oneToken).isEqualByComparingTo("0.00000005");
        assertThat(CostCalculator.render(oneToken)).isEqualTo("0.0000000500");
        // Nova Micro's cached rate: $0.00875 per million is 8.75e-9 per token, exact until rendered half-even.
        var cachedToken = cost("bedrock", "amazon.nova-micro-v1:0", new TokenCounts(1, 0, 1, 0, false));
        assertThat(cachedToken).isEqualTo(new BigDecimal("0.00000000875"));
        assertThat(CostCalculator.render(cachedToken)).isEqualTo("0.0000000088");
        assertThat(CostCalculator.render(new BigDecimal("0.000000000085"))).isEqualTo("0.0000000001");
    }

    @Test
    void maxCostAssumesNoCacheHitsAndTheDearestOutputRate() {
        var sonnet = CATALOG.find("anthropic", "claude-sonnet-4-5").orElseThrow();
        // 1,000 prompt at the cache-write rate $3.75 + 2,000 out × $15.
        assertThat(CostCalculator.maxCost(sonnet, 1_000, 2_000)).isEqualByComparingTo("0.03375");
        // Above 200k the band applies: 300,000 × $7.50 + 1,000 × $22.50.
        assertThat(CostCalculator.maxCost(sonnet, 300_000, 1_000)).isEqualByComparingTo("2.2725");
        var reasoner = Price.of("1", "4").withReasoning(new BigDecimal("10"));
        assertThat(CostCalculator.maxCost(reasoner, 0, 1_000)).isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> CostCalculator.maxCost(sonnet, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReservationIsNeverBelowTheSettledCost() {
        var random = new SplittableRandom(20261124L);
        for (int i = 0; i < 2_000; i++) {
            var entry = CATALOG.entries().get(random.nextInt(CATALOG.entries().size()));
            long prompt = random.nextLong(0, 400_000);
            long completion = entry.embedding() ? 0 : random.nextLong(0, 50_000);
            long cached = random.nextLong(0, prompt + 1);
            long written = random.nextLong(0, prompt - cached + 1);
            long reasoning = random.nextLong(0, completion + 1);
            var tokens = new TokenCounts(prompt, completion, cached, written, reasoning, false);
            assertThat(CostCalculator.maxCost(entry.price(), prompt, completion))
                    .as(entry.id() + " " + tokens)
                    .isGreaterThanOrEqualTo(CostCalculator.cost(entry.price(), tokens));
        }
    }

    @Test
    void tokenCountsRefuseImpossibleShapes() {
        assertThatThrownBy(() -> new TokenCounts(10, 0, 11, 0, false))
                .hasMessageContaining("part of the prompt");
        assertThatThrownBy(() -> new TokenCounts(10, 0, 6, 5, 0, false))
                .hasMessageContaining("part of the prompt");
        assertThatThrownBy(() -> new TokenCounts(10, 5, 0, 6, false))
                .hasMessageContaining("part of the completion");
        assertThatThrownBy(() -> TokenCounts.of(-1, 0)).hasMessageContaining("not negative");
    }

    @Test
    void explicitZeroCostsNothing() {
        var tokens = new TokenCounts(1_000_000, 1_000_000, 10, 20, 30, true);
        assertThat(CostCalculator.cost(Price.explicitZero(), tokens).signum()).isZero();
    }

    private static BigDecimal cost(String provider, String model, TokenCounts tokens) {
        return CostCalculator.cost(CATALOG.find(provider, model).orElseThrow(), tokens);
    }
}

package dev.warden.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CostTierTest {

    @Test
    void classesFollowTheBlendedPriceBands() {
        // Blended = (3 × input + output) / 4.
        assertThat(CostTier.classify(Price.of("15", "75"), false)).isEqualTo(CostTier.FRONTIER); // 30
        assertThat(CostTier.classify(Price.of("10", "30"), false)).isEqualTo(CostTier.FRONTIER); // exactly 15
        assertThat(CostTier.classify(Price.of("2.5", "10"), false)).isEqualTo(CostTier.STANDARD); // 4.375
        assertThat(CostTier.classify(Price.of("1", "3"), false)).isEqualTo(CostTier.STANDARD); // exactly 1.5
        assertThat(CostTier.classify(Price.of("0.15", "0.6"), false)).isEqualTo(CostTier.SMALL);
        assertThat(CostTier.classify(Price.explicitZero(), false)).isEqualTo(CostTier.SMALL);
        assertThat(CostTier.classify(Price.of("0.13", "0"), true)).isEqualTo(CostTier.EMBEDDING);
    }

    @Test
    void unknownIsTheHeaviestClass() {
        for (var tier : CostTier.values()) {
            assertThat(CostTier.forUnknown().weight()).isGreaterThanOrEqualTo(tier.weight());
        }
        assertThat(CostTier.FRONTIER.weight()).isEqualByComparingTo("15");
        assertThat(CostTier.STANDARD.weight()).isEqualByComparingTo("1");
        assertThat(CostTier.SMALL.weight()).isEqualByComparingTo("0.2");
        assertThat(CostTier.EMBEDDING.weight()).isEqualByComparingTo("0.1");
    }
}

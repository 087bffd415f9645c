package dev.warden.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void missingRatesAreFilledExplicitly() {
        var price = Price.of("0.15", "0.60");
        assertThat(price.cachedInput()).isEqualTo("0.15");
        assertThat(price.cacheWrite()).isEqualTo("0.15");
        assertThat(price.reasoning()).isEqualTo("0.60");
        assertThat(Price.inputOnly(new BigDecimal("0.02")).output().signum()).isZero();
    }

    @Test
    void negativeRatesAndUnsortedTiersAreRefused() {
        assertThatThrownBy(() -> Price.of("-0.01", "1")).hasMessage("the input price is not negative, got -0.01");
        assertThatThrownBy(() -> Price.of("1", "1").withCachedInput(new BigDecimal("-1")))
                .hasMessageContaining("cached input");
        var band = Price.of("2", "2");
        assertThatThrownBy(() -> new Price(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, List.of(new Tier(200, band), new Tier(100, band))))
                .hasMessageContaining("sorted");
        assertThatThrownBy(() -> new Tier(10, Price.of("1", "1").withTier(5, band)))
                .hasMessageContaining("no tiers of its own");
    }

    @Test
    void ratesForPicksTheHighestBandThePromptExceeds() {
        var price = Price.of("1", "2").withTier(500_000, Price.of("3", "6")).withTier(100_000, Price.of("2", "4"));
        assertThat(price.tiers()).extracting(Tier::aboveInputTokens).containsExactly(100_000L, 500_000L);
        assertThat(price.ratesFor(0).input()).isEqualTo("1");
        assertThat(price.ratesFor(100_000).input()).isEqualTo("1");
        assertThat(price.ratesFor(100_001).input()).isEqualTo("2");
        assertThat(price.ratesFor(500_001).input()).isEqualTo("3");
        assertThat(price.ratesFor(0).tiers()).isEmpty();
    }

    @Test
    void explicitZeroIsZeroAndAnInternalRateIsNot() {
        assertThat(Price.explicitZero().isZero()).isTrue();
        assertThat(Price.internalRate(new BigDecimal("0.01"), BigDecimal.ZERO).isZero()).isFalse();
        assertThat(Price.explicitZero().withTier(10, Price.of("1", "1")).isZero()).isFalse();
    }
}

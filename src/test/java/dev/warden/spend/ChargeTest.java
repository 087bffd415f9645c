package dev.warden.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.budget.BudgetLedger;
import dev.warden.budget.BudgetLine;
import dev.warden.budget.ReserveResult;
import dev.warden.budget.Window;
import dev.warden.pricing.CostTier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargeTest {

    @Test
    void tokensAreWeighedByTheirTierAndRoundedUp() {
        assertThat(Charge.weigh(333, CostTier.FRONTIER)).isEqualTo(4_995);
        assertThat(Charge.weigh(333, CostTier.STANDARD)).isEqualTo(333);
        assertThat(Charge.weigh(333, CostTier.SMALL)).as("66.6").isEqualTo(67);
        assertThat(Charge.weigh(333, CostTier.EMBEDDING)).as("33.3").isEqualTo(34);
        assertThat(Charge.weigh(1, CostTier.EMBEDDING)).as("a token never weighs nothing").isEqualTo(1);
        assertThat(Charge.weigh(10, CostTier.EMBEDDING)).as("exact stays exact").isEqualTo(1);
        assertThat(Charge.weigh(0, CostTier.FRONTIER)).isZero();
    }

    /** Rounding up per call: many small calls together never count less than their tokens times the weight. */
    @Test
    void roundingNeverUnderstatesUseOverManyCalls() {
        var random = new java.util.Random(7);
        for (var tier : CostTier.values()) {
            long raw = 0;
            long weighed = 0;
            for (int i = 0; i < 1_000; i++) {
                long tokens = random.nextInt(50);
                raw += tokens;
                weighed += Charge.weigh(tokens, tier);
            }
            assertThat(java.math.BigDecimal.valueOf(weighed)).isGreaterThanOrEqualTo(
                    java.math.BigDecimal.valueOf(raw).multiply(tier.weight()));
        }
    }

    @Test
    void eachLineGetsTheAmountOfItsUnitAndSettlesInTheSameOrder() {
        var span = new Window.Monthly().spanAt(Instant.parse("2030-01-15T10:00:00Z"), ZoneOffset.UTC);
        var usd = new BudgetLine("key:k", span, 1_000_000, List.of());
        var tokens = new BudgetLine("key:k#tokens", span, 1_000, List.of(), BudgetLine.Unit.TOKENS);
        var charge = new Charge(2_500, 40);
        assertThat(charge.on(List.of(tokens, usd))).extracting(hold -> hold.amount()).containsExactly(40L, 2_500L);
        var held = ((ReserveResult.Granted) BudgetLedger.inMemory().reserve(charge.on(List.of(usd, tokens)),
                span.start(), Duration.ofSeconds(5))).reservation();
        assertThat(new Charge(7, 3).per(held)).containsExactly(7L, 3L);
    }
}

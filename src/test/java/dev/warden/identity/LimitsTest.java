package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void zeroIsALimitNullIsNone() {
        var zero = new Limits(0L, 0L, 0, BigDecimal.ZERO, "daily");
        assertThat(zero.rpm()).isZero();
        assertThat(zero.budgetUsd()).isZero();
        assertThat(Limits.NONE.rpm()).isNull();
    }

    @Test
    void limitsAreNeverNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Limits(-1L, null, null, null, null))
                .withMessage("limits must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new Limits(null, -1L, null, null, null))
                .withMessage("limits must not be negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new Limits(null, null, -1, null, null))
                .withMessage("limits must not be negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Limits(null, null, null, new BigDecimal("-0.01"), null))
                .withMessage("a budget must not be negative");
    }

    @Test
    void aTokenBudgetIsInheritedWithItsWindowAsAPair() {
        var tier = new Limits(null, null, null, null, null, 1_000_000L, "daily");
        var own = new Limits(5L, null, null, null, null, 200L, null);
        assertThat(own.orElse(tier).tokenBudget()).isEqualTo(200L);
        assertThat(own.orElse(tier).tokenBudgetWindow()).as("its own (monthly) window, not the tier's").isNull();
        var inherited = new Limits(5L, null, null, null, null).orElse(tier);
        assertThat(inherited.tokenBudget()).isEqualTo(1_000_000L);
        assertThat(inherited.tokenBudgetWindow()).isEqualTo("daily");
        assertThat(new Limits(null, null, null, null, null, 0L, null).none()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.NONE.withTokenBudget(-1L, null))
                .withMessage("a budget must not be negative");
    }
}

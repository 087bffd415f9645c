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
}

package dev.warden.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetLineTest {
    private static final WindowSpan SPAN = new Window.Monthly().spanAt(Instant.parse("2026-11-24T10:00:00Z"),
            ZoneOffset.UTC);

    @Test
    void aTokenLineAndADollarLineOfOneScopeNeverShareState() {
        var usd = new BudgetLine("key:k_1", SPAN, 100, List.of());
        var tokens = new BudgetLine("key:k_1#tokens", SPAN, 100, List.of(), BudgetLine.Unit.TOKENS);
        assertThat(usd.unit()).isEqualTo(BudgetLine.Unit.USD_MICROS);
        assertThat(tokens.name()).isNotEqualTo(usd.name());
    }

    @Test
    void theUnitAndTheTokensSuffixGoTogether() {
        assertThatThrownBy(() -> new BudgetLine("key:k_1", SPAN, 100, List.of(), BudgetLine.Unit.TOKENS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#tokens");
        assertThatThrownBy(() -> new BudgetLine("key:k_1#tokens", SPAN, 100, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#tokens");
    }
}

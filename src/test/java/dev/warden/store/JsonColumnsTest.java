package dev.warden.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.identity.Limits;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {
    private final JsonColumns json = new JsonColumns();

    @Test
    void aTokenBudgetRoundTrips() {
        var limits = new Limits(60L, null, null, new BigDecimal("12.50"), "monthly", 5_000_000_000L, "7d");
        var stored = json.limits(limits);
        assertThat(stored).contains("\"token_budget\":5000000000").contains("\"token_budget_window\":\"7d\"");
        assertThat(json.limits(stored)).isEqualTo(limits);
    }

    @Test
    void limitsStoredBeforeTokenBudgetsReadAsHavingNone() {
        var old = json.limits("{\"rpm\":60,\"budget_usd\":\"12.50\",\"budget_window\":\"monthly\"}");
        assertThat(old).isEqualTo(new Limits(60L, null, null, new BigDecimal("12.50"), "monthly"));
        assertThat(old.tokenBudget()).isNull();
        assertThat(json.limits(new Limits(60L, null, null, null, null))).doesNotContain("token");
    }
}

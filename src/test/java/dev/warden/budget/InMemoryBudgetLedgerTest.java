package dev.warden.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryBudgetLedgerTest extends BudgetLedgerContract {
    private BudgetLedger shared;

    @BeforeEach
    void fresh() {
        shared = BudgetLedger.inMemory();
    }

    /** One instance's ledger: "two ledgers" of the contract are the same one. */
    @Override
    BudgetLedger ledger() {
        return shared;
    }

    @Test
    void statesOfEndedWindowsAreDropped() {
        var ledger = (InMemoryBudgetLedger) shared;
        var line = daily("key:prune", 1_000);
        ledger.settle(granted(ledger.reserve(List.of(line), 1_000, NOW, TTL)), 1_000, NOW);
        var nextWeek = NOW.plus(Duration.ofDays(7));
        var later = new BudgetLine("key:prune", new Window.Daily().spanAt(nextWeek, UTC), 1_000, List.of());
        granted(ledger.reserve(List.of(later), 1, nextWeek, TTL));
        assertThat(ledger.lineCount()).isEqualTo(1);
    }
}

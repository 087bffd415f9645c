package dev.warden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.budget.SpendDimension;
import dev.warden.budget.SpendQuery;
import dev.warden.budget.SpendRecord;
import dev.warden.budget.SpendTotal;
import dev.warden.testkit.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcSpendStoreTest {
    private static final LocalDate MON = LocalDate.parse("2026-11-23");
    private static final LocalDate TUE = LocalDate.parse("2026-11-24");
    private static final LocalDate WED = LocalDate.parse("2026-11-25");

    private static SpendRecord spend(LocalDate day, String key, String user, String team, String model, long cost) {
        return new SpendRecord(day, key, user, team, "o_1", model, cost, cost / 10, cost / 100, 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void spendIsAddedAndReportedByEachDimensionBetweenDays(TestDatabase.Kind kind) {
        try (var db = TestDatabase.create(kind); var database = Database.open(db.url(), db.user(), null, 2)) {
            var store = new JdbcSpendStore(database);
            store.add(List.of(spend(MON, "k_1", "u_1", "t_1", "gpt", 1_000),
                    spend(TUE, "k_1", "u_1", "t_1", "gpt", 2_000),
                    spend(TUE, "k_2", "u_2", "t_1", "llama", 500),
                    spend(WED, "k_3", "", "", "gpt", 7_000)));
            // A second batch adds to the same row instead of replacing it.
            store.add(List.of(spend(TUE, "k_1", "u_1", "t_1", "gpt", 3_000)));

            assertThat(store.totals(SpendQuery.by(SpendDimension.KEY, TUE, TUE))).containsExactly(
                    new SpendTotal("k_1", 5_000, 500, 50, 2), new SpendTotal("k_2", 500, 50, 5, 1));
            assertThat(store.totals(SpendQuery.by(SpendDimension.TEAM, MON, WED))).containsExactly(
                    new SpendTotal("", 7_000, 700, 70, 1), new SpendTotal("t_1", 6_500, 650, 65, 4));
            assertThat(store.totals(SpendQuery.by(SpendDimension.MODEL, MON, WED).forTeam("t_1")))
                    .extracting(SpendTotal::group, SpendTotal::costMicros)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("gpt", 6_000L),
                            org.assertj.core.groups.Tuple.tuple("llama", 500L));
            assertThat(store.totals(SpendQuery.by(SpendDimension.DAY, MON, WED).forUser("u_1")))
                    .extracting(SpendTotal::group).containsExactly("2026-11-24", "2026-11-23");
            assertThat(store.totals(SpendQuery.by(SpendDimension.USER, MON, TUE).forModel("gpt").forKey("k_1")))
                    .containsExactly(new SpendTotal("u_1", 6_000, 600, 60, 3));
            assertThat(store.totals(SpendQuery.by(SpendDimension.ORG, WED, WED).forOrg("o_1")))
                    .containsExactly(new SpendTotal("o_1", 7_000, 700, 70, 1));
            assertThat(store.totals(SpendQuery.by(SpendDimension.KEY, WED.plusDays(1), WED.plusDays(9)))).isEmpty();
        }
    }

    @Test
    void aReportEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> SpendQuery.by(SpendDimension.KEY, TUE, MON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its start");
    }
}

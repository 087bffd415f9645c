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
import java.util.Set;
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

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReachKeepsTheRowsOfAnyOfItsOrgsTeamsOrUsersAndAnEmptyReachKeepsNone(TestDatabase.Kind kind) {
        try (var db = TestDatabase.create(kind); var database = Database.open(db.url(), db.user(), null, 2)) {
            var store = new JdbcSpendStore(database);
            store.add(List.of(new SpendRecord(MON, "k_1", "u_1", "t_1", "o_1", "gpt", 100, 0, 0, 1),
                    new SpendRecord(MON, "k_2", "u_2", "t_2", "o_1", "gpt", 200, 0, 0, 1),
                    new SpendRecord(MON, "k_3", "u_3", "t_3", "o_2", "gpt", 400, 0, 0, 1),
                    new SpendRecord(MON, "k_4", "u_4", "", "o_3", "gpt", 800, 0, 0, 1)));
            var byKey = SpendQuery.by(SpendDimension.KEY, MON, MON);
            var teams = byKey.within(new SpendQuery.Reach(Set.of(), Set.of("t_1", "t_3"), Set.of()));
            assertThat(store.totals(teams)).extracting(SpendTotal::group).containsExactly("k_3", "k_1");
            var mixed = byKey.within(new SpendQuery.Reach(Set.of("o_3"), Set.of("t_2"), Set.of("u_1")));
            assertThat(store.totals(mixed)).extracting(SpendTotal::group).containsExactly("k_4", "k_2", "k_1");
            // A filter outside the reach finds nothing rather than widening it.
            assertThat(store.totals(mixed.forOrg("o_2"))).isEmpty();
            assertThat(store.totals(byKey.within(new SpendQuery.Reach(Set.of(), Set.of(), Set.of())))).isEmpty();
            assertThat(store.totals(byKey.within(null))).hasSize(4);
        }
    }
}

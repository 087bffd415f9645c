package dev.warden.store;

import static dev.warden.testkit.KeyBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.warden.pricing.CostTier;
import dev.warden.pricing.PriceOverride;
import dev.warden.testkit.TestDatabase;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcPriceOverrideStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase db;
    private Database database;
    private JdbcPriceOverrideStore store;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind);
        database = Database.open(db.url(), db.user(), null, 2);
        store = new JdbcPriceOverrideStore(database);
    }

    @AfterEach
    void close() {
        database.close();
        db.close();
    }

    private static PriceOverride override(String id, @Nullable String deployment, String model, String input) {
        return new PriceOverride(id, model, deployment, new BigDecimal(input), new BigDecimal("10.000"), null, null,
                null, null, null, T0, T0, "master");
    }

    @Test
    void everyFieldComesBackExactlyAsWritten() {
        var full = new PriceOverride("pr_full", "llama-3.1-70b", "vllm", new BigDecimal("0.1234567890123"),
                new BigDecimal("0"), new BigDecimal("0.05"), new BigDecimal("1.25"), new BigDecimal("7.50"),
                CostTier.SMALL, "internal GPU rate, Q4", T0, T0.plusSeconds(3), "key_abc");
        store.insert(full);
        assertThat(store.find("pr_full")).contains(full);
        var stored = store.find("pr_full").orElseThrow();
        assertThat(stored.reasoning().toPlainString()).as("scale kept, not just the value").isEqualTo("7.50");
        var bare = override("pr_bare", null, "gpt-4o", "2.5");
        store.insert(bare);
        assertThat(store.find("pr_bare")).contains(bare);
        assertThat(store.find("pr_bare").orElseThrow().deployment()).as("every deployment reads back as null")
                .isNull();
        assertThat(store.find("pr_missing")).isEmpty();
    }

    @Test
    void listedByModelWithTheEveryDeploymentOneFirst() {
        store.insert(override("pr_1", "b", "m2", "1"));
        store.insert(override("pr_2", "a", "m1", "1"));
        store.insert(override("pr_3", null, "m1", "1"));
        assertThat(store.list()).extracting(PriceOverride::id).containsExactly("pr_3", "pr_2", "pr_1");
    }

    @Test
    void oneOverridePerDeploymentAndModelAndOnePerModelForEveryDeployment() {
        store.insert(override("pr_1", "a", "m", "1"));
        store.insert(override("pr_2", null, "m", "1"));
        store.insert(override("pr_3", "b", "m", "1"));
        long revision = store.revision();
        for (var duplicate : new PriceOverride[] {override("pr_4", "a", "m", "2"), override("pr_5", null, "m", "2")}) {
            assertThatExceptionOfType(StoreException.class).isThrownBy(() -> store.insert(duplicate))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        }
        assertThat(store.revision()).as("a refused write bumps nothing").isEqualTo(revision);
        assertThat(store.list()).hasSize(3);
    }

    @Test
    void everyWriteBumpsTheSharedRevision() {
        long start = store.revision();
        store.insert(override("pr_1", null, "m", "1"));
        assertThat(store.revision()).isEqualTo(start + 1);
        var changed = new PriceOverride("pr_1", "m", null, new BigDecimal("3"), new BigDecimal("4"), null, null,
                new BigDecimal("9"), CostTier.FRONTIER, "raised", T0.plusSeconds(60), T0.plusSeconds(120), "usr_x");
        assertThat(store.update(changed)).isTrue();
        assertThat(store.revision()).isEqualTo(start + 2);
        var stored = store.find("pr_1").orElseThrow();
        assertThat(stored.input()).isEqualByComparingTo("3");
        assertThat(stored.costTier()).isEqualTo(CostTier.FRONTIER);
        assertThat(stored.updatedBy()).isEqualTo("usr_x");
        assertThat(stored.updated()).isEqualTo(T0.plusSeconds(120));
        assertThat(stored.created()).as("creation time is kept").isEqualTo(T0);
        assertThat(store.update(override("pr_missing", null, "x", "1"))).isFalse();
        assertThat(store.delete("pr_1")).isTrue();
        assertThat(store.delete("pr_1")).isFalse();
        assertThat(store.list()).isEmpty();
        assertThat(store.revision()).isGreaterThanOrEqualTo(start + 4);
    }
}

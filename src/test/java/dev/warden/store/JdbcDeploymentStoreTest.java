package dev.warden.store;

import static dev.warden.testkit.KeyBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.warden.registry.StoredDeployment;
import dev.warden.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class JdbcDeploymentStoreTest {
    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase db;
    private Database database;
    private JdbcDeploymentStore store;

    @BeforeEach
    void open() {
        db = TestDatabase.create(kind);
        database = Database.open(db.url(), db.user(), null, 2);
        store = new JdbcDeploymentStore(database);
    }

    @AfterEach
    void close() {
        database.close();
        db.close();
    }

    private static StoredDeployment deployment(String name, String document) {
        return new StoredDeployment(name, document, T0, T0.plusSeconds(1), 0);
    }

    @Test
    void insertedDeploymentsAreListedByNameWithTheirRevision() {
        var b = store.insert(deployment("b", "{\"name\":\"b\",\"provider\":\"echo\"}"));
        var a = store.insert(deployment("a", "{\"name\":\"a\",\"provider\":\"echo\"}"));
        assertThat(b.revision()).isEqualTo(1);
        assertThat(a.revision()).isEqualTo(2);
        assertThat(store.list()).containsExactly(a, b);
        assertThat(store.find("b")).contains(b);
        assertThat(store.find("c")).isEmpty();
    }

    @Test
    void aTakenNameIsAConflict() {
        store.insert(deployment("a", "{}"));
        assertThatExceptionOfType(StoreException.class).isThrownBy(() -> store.insert(deployment("a", "{\"x\":1}")))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CONFLICT));
        assertThat(store.find("a").orElseThrow().document()).isEqualTo("{}");
        assertThat(store.revision()).isEqualTo(1);
    }

    @Test
    void updateReplacesTheDocumentAndStampsANewRevision() {
        store.insert(deployment("a", "{}"));
        assertThat(store.update(new StoredDeployment("a", "{\"v\":2}", T0.plusSeconds(99), T0.plusSeconds(5), 0)))
                .isTrue();
        var stored = store.find("a").orElseThrow();
        assertThat(stored.document()).isEqualTo("{\"v\":2}");
        assertThat(stored.updated()).isEqualTo(T0.plusSeconds(5));
        assertThat(stored.created()).as("creation time is kept").isEqualTo(T0);
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(store.update(deployment("missing", "{}"))).isFalse();
        assertThat(store.find("missing")).isEmpty();
    }

    @Test
    void deleteRemovesAndReportsWhetherThereWasOne() {
        store.insert(deployment("a", "{}"));
        assertThat(store.delete("a")).isTrue();
        assertThat(store.list()).isEmpty();
        assertThat(store.delete("a")).isFalse();
    }
}

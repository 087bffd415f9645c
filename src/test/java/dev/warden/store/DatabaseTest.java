package dev.warden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.warden.testkit.KeyBuilder;
import dev.warden.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path directory;

    private static String pragma(Database database, String name) {
        return database.read(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }

    @Test
    void aNewSqliteFileIsCreatedMigratedAndTunedForConcurrentUse() {
        var file = directory.resolve("nested/data/warden.db");
        try (var database = Database.open("jdbc:sqlite:" + file, null, null, 8)) {
            assertThat(file).exists();
            assertThat(database.kind()).isEqualTo(Database.Kind.SQLITE);
            assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(database, "busy_timeout")).isEqualTo("5000");
            assertThat(new JdbcIdentityStore(database, new JsonColumns()).revision()).isZero();
        }
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() {
        var url = "jdbc:sqlite:" + directory.resolve("warden.db");
        try (var database = Database.open(url, null, null, 2)) {
            new JdbcKeyStore(database, new JsonColumns()).insert(KeyBuilder.key("k").build());
        }
        try (var database = Database.open(url, null, null, 2)) {
            assertThat(new JdbcKeyStore(database, new JsonColumns()).find("k")).isPresent();
            assertThat(new JdbcIdentityStore(database, new JsonColumns()).revision()).isEqualTo(1);
        }
    }

    @Test
    void aNewPostgresqlDatabaseIsMigrated() {
        try (var db = TestDatabase.postgres(); var database = Database.open(db.url(), db.user(), null, 2)) {
            assertThat(database.kind()).isEqualTo(Database.Kind.POSTGRESQL);
            assertThat(new JdbcIdentityStore(database, new JsonColumns()).revision()).isZero();
        }
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorThatHidesTheQueryString() {
        assertThatExceptionOfType(StoreException.class)
                .isThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/warden?password=hunter2", "u", null, 2))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE))
                .withMessageStartingWith("cannot open the database jdbc:postgresql://127.0.0.1:1/warden?…: ")
                .withMessageNotContaining("hunter2");
    }

    @Test
    void anUnwritableSqliteLocationIsAClearError() throws Exception {
        var blocker = directory.resolve("a-file");
        Files.writeString(blocker, "not a directory");
        assertThatExceptionOfType(RuntimeException.class)
                .isThrownBy(() -> Database.open("jdbc:sqlite:" + blocker.resolve("warden.db"), null, null, 2))
                .withMessageContaining(blocker.resolve("warden.db").toString());
    }

    @Test
    void urlsAreRedactedFromTheQueryOn() {
        assertThat(Database.redact("jdbc:postgresql://h/db?user=u&password=p")).isEqualTo("jdbc:postgresql://h/db?…");
        assertThat(Database.redact("jdbc:sqlite:data/warden.db")).isEqualTo("jdbc:sqlite:data/warden.db");
    }
}

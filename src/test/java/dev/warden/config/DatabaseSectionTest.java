package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code database} and {@code secrets} sections. */
class DatabaseSectionTest {
    /** base64 of 32 bytes. */
    private static final String KEY = "dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch";

    @Test
    void withoutTheSectionsAnEmbeddedSqliteFileAndAGeneratedSecretFileAreUsed() {
        var config = load(ECHO).config();
        assertThat(config.database()).isEqualTo(DatabaseConfig.DEFAULTS);
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:data/warden.db");
        assertThat(config.database().sqlite()).isTrue();
        assertThat(config.database().poolSize()).isEqualTo(8);
        assertThat(config.database().refreshInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.secrets()).isEqualTo(SecretsConfig.DEFAULTS);
        assertThat(config.secrets().key()).isNull();
        assertThat(config.secrets().keyFile()).isEqualTo(Path.of("data", "warden.secret"));
    }

    @Test
    void anEmptySectionKeepsTheDefaults() {
        var config = load("database: {}\nsecrets: {}\n" + ECHO).config();
        assertThat(config.database()).isEqualTo(DatabaseConfig.DEFAULTS);
        assertThat(config.secrets()).isEqualTo(SecretsConfig.DEFAULTS);
    }

    @Test
    void aPostgresqlDatabaseWithItsPasswordFromTheEnvironment() {
        var config = load(Map.of("PGPASSWORD", "s3cret"), """
                database:
                  url: "jdbc:postgresql://db.internal:5432/warden?sslmode=require"
                  user: warden
                  password: ${PGPASSWORD}
                  pool_size: 20
                  refresh_interval: 500ms
                """ + ECHO).config().database();
        assertThat(config.url()).isEqualTo("jdbc:postgresql://db.internal:5432/warden?sslmode=require");
        assertThat(config.user()).isEqualTo("warden");
        assertThat(config.password().value()).isEqualTo("s3cret");
        assertThat(config.poolSize()).isEqualTo(20);
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.sqlite()).isFalse();
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void anEmptyUserOrPasswordMeansNone() {
        var config = load(Map.of("PGPASSWORD", ""), """
                database:
                  url: jdbc:postgresql://localhost/warden
                  user: ""
                  password: ${PGPASSWORD}
                """ + ECHO).config().database();
        assertThat(config.user()).isNull();
        assertThat(config.password()).isNull();
    }

    @Test
    void anUnsupportedUrlSchemeIsRejected() {
        var error = failure("""
                database:
                  url: jdbc:mysql://localhost/warden
                """ + ECHO);
        assertThat(error.problems()).containsExactly(new ConfigProblem("database.url", 2,
                "unsupported database url 'jdbc:mysql://localhost/warden': use jdbc:sqlite:<file> (embedded) or"
                        + " jdbc:postgresql://host:port/database"));
        assertThat(error.getMessage()).startsWith("test.yaml:2: database.url: unsupported database url");
    }

    @Test
    void anInMemorySqliteDatabaseIsRejected() {
        for (var url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:x?mode=memory"}) {
            var error = failure("database:\n  url: \"" + url + "\"\n" + ECHO);
            assertThat(error.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("database.url");
                assertThat(problem.message()).startsWith("an in-memory SQLite database is not supported");
            });
        }
    }

    @Test
    void aUrlWithoutTheJdbcPrefixIsRejected() {
        var error = failure("""
                database:
                  url: postgresql://localhost/warden
                """ + ECHO);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line)
                .containsExactly(tuple("database.url", 2));
    }

    @Test
    void thePoolSizeIsBetweenOneAndTwoHundred() {
        assertThat(failure("database:\n  pool_size: 0\n" + ECHO).problems()).containsExactly(
                new ConfigProblem("database.pool_size", 2, "must be between 1 and 200, got 0"));
        assertThat(failure("database:\n  pool_size: 201\n" + ECHO).problems()).containsExactly(
                new ConfigProblem("database.pool_size", 2, "must be between 1 and 200, got 201"));
        assertThat(failure("database:\n  pool_size: many\n" + ECHO).problems()).containsExactly(
                new ConfigProblem("database.pool_size", 2, "expected an integer, got \"many\""));
        assertThat(load("database:\n  pool_size: 1\n" + ECHO).config().database().poolSize()).isEqualTo(1);
        assertThat(load("database:\n  pool_size: 200\n" + ECHO).config().database().poolSize()).isEqualTo(200);
    }

    @Test
    void theRefreshIntervalIsAPositiveDuration() {
        assertThat(failure("database:\n  refresh_interval: 0s\n" + ECHO).problems()).containsExactly(
                new ConfigProblem("database.refresh_interval", 2, "must be longer than zero, got \"0s\""));
        assertThat(failure("database:\n  refresh_interval: often\n" + ECHO).problems()).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("database.refresh_interval");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.message()).endsWith("got \"often\"");
                });
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        var error = failure("""
                database:
                  url: jdbc:sqlite:x.db
                  poolsize: 4
                secrets:
                  keyfile: k
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("database.poolsize", 3, "unknown key 'poolsize'; did you mean 'pool_size'?"),
                new ConfigProblem("secrets.keyfile", 5, "unknown key 'keyfile'; did you mean 'key_file'?"));
    }

    @Test
    void theSecretKeyComesFromTheEnvironment() {
        var config = load(Map.of("WARDEN_SECRET_KEY", KEY), """
                secrets:
                  key: ${WARDEN_SECRET_KEY}
                """ + ECHO).config();
        assertThat(config.secrets().key().value()).isEqualTo(KEY);
        assertThat(config.toString()).doesNotContain(KEY);
    }

    @Test
    void aSecretKeyThatIsNotBase64IsRejected() {
        assertThat(failure("secrets:\n  key: not-base64!!\n" + ECHO).problems()).containsExactly(
                new ConfigProblem("secrets.key", 2,
                        "the secret key is not valid base64 (generate one with: openssl rand -base64 32)"));
    }

    @Test
    void aSecretKeyShorterThan32BytesIsRejected() {
        // base64 of 31 bytes.
        var shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertThat(failure("secrets:\n  key: " + shortKey + "\n" + ECHO).problems()).containsExactly(
                new ConfigProblem("secrets.key", 2,
                        "the secret key must be base64 of at least 32 bytes (openssl rand -base64 32)"));
        var exact = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(load("secrets:\n  key: " + exact + "\n" + ECHO).config().secrets().key().value()).isEqualTo(exact);
    }

    @Test
    void theKeyFileResolvesAgainstTheConfigurationsDirectory() {
        var yaml = "secrets:\n  key_file: secrets/warden.secret\n" + ECHO;
        var relative = ConfigLoader.create(Map.of()).parse("test.yaml", yaml, Path.of("/etc/warden"));
        assertThat(relative.config().secrets().keyFile()).isEqualTo(Path.of("/etc/warden/secrets/warden.secret"));
        var absolute = load("secrets:\n  key_file: /var/lib/warden/key\n" + ECHO).config();
        assertThat(absolute.secrets().keyFile()).isEqualTo(Path.of("/var/lib/warden/key"));
    }

    @Test
    void problemsInBothSectionsAreReportedTogether() {
        var error = failure("""
                database:
                  url: mongodb://x
                  pool_size: -1
                secrets:
                  key: short
                """ + ECHO);
        assertThat(error.problems()).extracting(ConfigProblem::path)
                .containsExactly("database.url", "database.pool_size", "secrets.key");
        assertThat(error.problems()).extracting(ConfigProblem::line).containsExactly(2, 3, 5);
    }

    @Test
    void aFragmentRefusesEnvironmentInterpolation() {
        var error = assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ConfigLoader.fragment("deployment",
                        "{\"deployments\": [{\"name\": \"o\", \"provider\": \"openai\", \"api_key\": \"${HOME}\"}]}"))
                .actual();
        assertThat(error.problems()).containsExactly(new ConfigProblem("", 0, "${...} environment interpolation is"
                + " only available in the configuration file, not in stored deployments"));
    }

    @Test
    void aFragmentIsReadWithoutTheEnvironment() {
        var report = ConfigLoader.fragment("deployment",
                "{\"deployments\": [{\"name\": \"o\", \"provider\": \"openai\", \"api_key\": \"sk-1\"}]}");
        assertThat(report.config().deployments()).singleElement()
                .satisfies(deployment -> assertThat(deployment.apiKey().value()).isEqualTo("sk-1"));
    }
}

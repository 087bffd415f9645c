package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.TestDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The admin API through the real HTTP server: a key made with the master key is used on the LLM endpoints, held to
 * its model allowlist in each dialect's error shape, and refused the moment it is revoked; and no key's secret is
 * ever written to the database or the access log.
 */
class AdminEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASTER = "Bearer " + RunningGateway.MASTER_KEY;

    private static String config(TestDatabase db) {
        return db.yaml() + """
                server:
                  host: 127.0.0.1
                  port: 0
                  max_body_size: 64KB
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                  - name: other
                    deployment: echo
                """;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeyIsCreatedUsedHeldToItsModelsAndRevokedAndNoSecretIsStored(TestDatabase.Kind kind) throws Exception {
        var secrets = new ArrayList<String>();
        try (var db = TestDatabase.create(kind); var gateway = RunningGateway.start(config(db), Map.of())) {
            var missing = gateway.get("/admin/v1/keys");
            expectError(missing, 401, "authentication_error");
            assertThat(missing.headers().firstValue("x-request-id")).isPresent();
            expectError(gateway.get("/admin/v1/keys", "Authorization", "Bearer wk-" + "A".repeat(43)), 401,
                    "authentication_error");

            var created = send(gateway, "POST", "/admin/v1/keys", MASTER, "application/json",
                    "{\"alias\": \"e2e\", \"models\": [\"echo\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("cache-control")).hasValue("no-store");
            var key = JSON.readTree(created.body());
            var secret = key.get("key").asText();
            secrets.add(secret);

            var chat = chat(gateway, secret, "echo");
            assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
            assertThat(JSON.readTree(chat.body()).at("/choices/0/message/content").asText()).contains("hello");
            var forbidden = chat(gateway, secret, "other");
            var openAiError = expectError(forbidden, 403, "permission_error");
            assertThat(openAiError.get("message").asText()).contains("not allowed to use the model 'other'");
            var anthropic = gateway.post("/v1/messages", "{\"model\": \"other\", \"max_tokens\": 16, \"messages\":"
                    + " [{\"role\": \"user\", \"content\": \"hello\"}]}", "x-api-key", secret,
                    "anthropic-version", "2023-06-01", "Content-Type", "application/json");
            assertThat(anthropic.statusCode()).isEqualTo(403);
            var anthropicBody = JSON.readTree(anthropic.body());
            assertThat(anthropicBody.get("type").asText()).isEqualTo("error");
            assertThat(anthropicBody.at("/error/type").asText()).isEqualTo("permission_error");

            var me = JSON.readTree(gateway.get("/admin/v1/me", "Authorization", "Bearer " + secret).body());
            assertThat(me.get("kind").asText()).isEqualTo("virtual_key");
            assertThat(me.get("id").asText()).isEqualTo(key.get("id").asText());
            var noRoles = expectError(gateway.get("/admin/v1/keys", "Authorization", "Bearer " + secret), 403,
                    "permission_error");
            assertThat(noRoles.get("message").asText()).contains("Listing keys requires one of the roles");

            var imported = send(gateway, "POST", "/admin/v1/users/import", MASTER, "text/csv",
                    "email,alias,budget,rpm\nada@example.com,ada-1,10,5\n");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            var importedSecret = JSON.readTree(imported.body()).at("/rows/0/key").asText();
            secrets.add(importedSecret);
            assertThat(chat(gateway, importedSecret, "other").statusCode()).isEqualTo(200);
            var rotated = JSON.readTree(send(gateway, "POST", "/admin/v1/keys/" + JSON.readTree(imported.body())
                    .at("/rows/0/key_id").asText() + "/rotate", MASTER, "application/json", "{}").body());
            secrets.add(rotated.get("key").asText());
            assertThat(chat(gateway, rotated.get("key").asText(), "echo").statusCode()).isEqualTo(200);

            var revoked = send(gateway, "POST", "/admin/v1/keys/" + key.get("id").asText() + "/revoke", MASTER,
                    null, "");
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            var refused = expectError(chat(gateway, secret, "echo"), 401, "authentication_error");
            assertThat(refused.get("message").asText()).isEqualTo("This API key has been revoked.");

            expectError(send(gateway, "POST", "/admin/v1/orgs", MASTER, "application/json",
                    "{\"name\": \"" + "x".repeat(70_000) + "\"}"), 413, "invalid_request_error");
            var page = gateway.get("/admin/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Warden admin API");
            assertThat(gateway.get("/admin/v1/openapi.json").statusCode()).isEqualTo(200);
            assertThat(chat(gateway, importedSecret, "echo").statusCode()).isEqualTo(200);

            var everything = new StringBuilder(dumpTables(db));
            everything.append(pgDump(db));
            Thread.sleep(300);
            everything.append(String.join("\n", gateway.logLines()));
            assertThat(gateway.logLines()).as("the access log was captured").isNotEmpty();
            var hasher = dev.warden.secret.ServerSecret.ofBase64(RunningGateway.TEST_SECRET).keyHasher();
            for (var each : secrets) {
                assertThat(everything.toString()).as("the dump holds the key's hash").contains(hasher.hash(each));
                assertThat(everything.toString()).as("no raw secret anywhere").doesNotContain(each)
                        .doesNotContain(each.substring(3));
            }
        }
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key, String model) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"" + model + "\", \"messages\": [{\"role\":"
                + " \"user\", \"content\": \"hello\"}]}", "Authorization", "Bearer " + key, "Content-Type",
                "application/json");
    }

    private static HttpResponse<String> send(RunningGateway gateway, String method, String path, String auth,
            String contentType, String body) {
        var builder = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Authorization", auth);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return gateway.send(builder.build());
    }

    private static JsonNode expectError(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var error = JSON.readTree(response.body()).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.fieldNames()).toIterable().contains("message", "type", "param", "code");
        assertThat(error.get("type").asText()).isEqualTo(type);
        return error;
    }

    /** Every column of every row of every table, as text. */
    private static String dumpTables(TestDatabase db) throws SQLException {
        var out = new StringBuilder();
        try (var connection = DriverManager.getConnection(db.url(), db.user(), null)) {
            var tables = new ArrayList<String>();
            try (var rows = connection.getMetaData().getTables(null, db.kind() == TestDatabase.Kind.POSTGRESQL
                    ? "public" : null, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("virtual_keys", "users", "team_members", "user_grants");
            for (var table : tables) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            out.append(' ').append(rows.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The PostgreSQL database as pg_dump writes it, when pg_dump is installed. */
    private static String pgDump(TestDatabase db) throws IOException, InterruptedException {
        if (db.kind() != TestDatabase.Kind.POSTGRESQL) {
            return "";
        }
        var pgDump = List.of("/usr/bin/pg_dump", "/usr/local/bin/pg_dump").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (pgDump.isEmpty()) {
            return "";
        }
        var name = db.url().substring(db.url().lastIndexOf('/') + 1);
        var process = new ProcessBuilder(pgDump.get().toString(), "-h", "127.0.0.1", "-U", db.user(), "-d", name)
                .redirectErrorStream(true).start();
        var dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(dump).isZero();
        assertThat(dump).contains("virtual_keys");
        return dump;
    }
}

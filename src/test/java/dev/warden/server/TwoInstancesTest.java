package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one PostgreSQL database, as behind a load balancer: what an admin changes on one
 * (a new key, its revocation, a new deployment with a sealed credential, its removal) is enforced by the other
 * within the refresh interval (200 ms here; 2 s by default), with no restart and no shared memory.
 */
class TwoInstancesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASTER = "Bearer " + RunningGateway.MASTER_KEY;
    /** The refresh interval is 200 ms; allow scheduling noise on a loaded 2-core machine, not a different design. */
    private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(3);

    private static String config(TestDatabase db) {
        return db.yaml() + """
                deployments:
                  - name: echo
                    provider: echo
                models:
                  - name: echo
                    deployment: echo
                """;
    }

    @Test
    void keysAndDeploymentsChangedOnOneInstanceAreEnforcedByTheOtherWithinTheRefreshInterval() throws Exception {
        try (var db = TestDatabase.postgres(); var upstream = FakeOpenAiUpstream.start();
                var a = RunningGateway.start(config(db), Map.of());
                var b = RunningGateway.start(config(db), Map.of())) {
            var created = admin(a, "POST", "/admin/v1/keys", "{\"alias\": \"shared\", \"models\": [\"echo\", \"fake-*\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var key = JSON.readTree(created.body());
            var secret = key.get("key").asText();
            assertThat(chat(a, secret, "echo").statusCode()).as("the writing instance applies at once").isEqualTo(200);

            var seen = waitFor(() -> chat(b, secret, "echo").statusCode(), status -> status == 200);
            assertThat(seen).as("a new key reaches the other instance").isLessThan(PROPAGATION_BOUND);

            var revoked = admin(a, "POST", "/admin/v1/keys/" + key.get("id").asText() + "/revoke", "");
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(chat(a, secret, "echo").statusCode()).isEqualTo(401);
            var refused = waitFor(() -> chat(b, secret, "echo").statusCode(), status -> status == 401);
            assertThat(refused).as("a revocation reaches the other instance").isLessThan(PROPAGATION_BOUND);
            var body = JSON.readTree(chat(b, secret, "echo").body());
            assertThat(body.at("/error/message").asText()).isEqualTo("This API key has been revoked.");

            var deployment = admin(a, "POST", "/admin/v1/deployments", """
                    {"name": "fake-openai", "provider": "openai-compatible", "base_url": "%s",
                     "api_key": "%s", "models": [{"name": "fake-gpt", "model": "gpt-4o-mini"}]}
                    """.formatted(upstream.baseUrl(), upstream.apiKey()));
            assertThat(deployment.statusCode()).as(deployment.body()).isEqualTo(201);
            assertThat(JSON.readTree(deployment.body()).get("api_key").asText()).isEqualTo("********");
            assertThat(deployment.body()).doesNotContain(upstream.apiKey());
            assertThat(chat(a, RunningGateway.MASTER_KEY, "fake-gpt").statusCode()).isEqualTo(200);
            var routed = waitFor(() -> chat(b, RunningGateway.MASTER_KEY, "fake-gpt").statusCode(),
                    status -> status == 200);
            assertThat(routed).as("a new deployment reaches the other instance").isLessThan(PROPAGATION_BOUND);
            // The fake upstream refuses a wrong key: the sealed credential was opened on B with the shared secret.
            assertThat(upstream.lastRequest().header("authorization")).hasValue("Bearer " + upstream.apiKey());
            assertThat(upstream.lastRequest().body()).contains("\"model\":\"gpt-4o-mini\"");

            var read = admin(b, "GET", "/admin/v1/deployments/fake-openai", "");
            assertThat(JSON.readTree(read.body()).get("source").asText()).isEqualTo("admin");
            assertThat(read.body()).doesNotContain(upstream.apiKey());

            assertThat(admin(a, "DELETE", "/admin/v1/deployments/fake-openai", "").statusCode()).isEqualTo(200);
            var removed = waitFor(() -> chat(b, RunningGateway.MASTER_KEY, "fake-gpt").statusCode(),
                    status -> status == 404);
            assertThat(removed).as("a removed deployment is gone from the other instance").isLessThan(PROPAGATION_BOUND);
            assertThat(admin(b, "DELETE", "/admin/v1/deployments/echo", "").statusCode())
                    .as("the configuration file's deployments cannot be removed").isEqualTo(409);
        }
    }

    private interface Probe {
        int status() throws Exception;
    }

    /** How long until the probe's status satisfies the condition; fails the test after 10 s. */
    private static Duration waitFor(Probe probe, IntPredicate done) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(probe.status())) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the other instance did not catch up within 10 s");
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key, String model) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"" + model + "\", \"messages\": [{\"role\":"
                + " \"user\", \"content\": \"hello\"}]}", "Authorization", "Bearer " + key,
                "Content-Type", "application/json");
    }

    private static HttpResponse<String> admin(RunningGateway gateway, String method, String path, String body) {
        var request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", MASTER)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return gateway.send(request.build());
    }

}

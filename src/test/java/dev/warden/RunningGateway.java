package dev.warden;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.warden.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Warden, started through the same Wiring as {@code warden serve}, on a free loopback port, with its access
 * log captured. End-to-end tests drive it with the official SDKs or a raw HTTP client.
 */
public final class RunningGateway implements AutoCloseable {
    public static final String MASTER_KEY = "sk-warden-test-master-key-0001";
    /** The server secret of test gateways: base64 of 32 bytes. */
    public static final String TEST_SECRET = "dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch";

    private final Wiring wiring;
    private final ByteArrayOutputStream accessLog;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private boolean closed;

    private RunningGateway(Wiring wiring, ByteArrayOutputStream accessLog) {
        this.wiring = wiring;
        this.accessLog = accessLog;
    }

    /**
     * Starts Warden with this YAML configuration. The server section, master key and access log are added unless the
     * YAML has its own; {@code env} feeds the ${VAR} interpolation.
     */
    public static RunningGateway start(String yaml, Map<String, String> env) {
        try {
            var file = Files.createTempFile("warden-e2e", ".yaml");
            var full = (yaml.contains("server:") ? "" : "server:\n  host: 127.0.0.1\n  port: 0\n  shutdown_grace: 10s\n")
                    + (yaml.contains("auth:") ? "" : "auth:\n  master_key: " + MASTER_KEY + "\n")
                    + (yaml.contains("access_log:") ? "" : "access_log:\n  target: stdout\n")
                    + (yaml.contains("database:") ? "" : "database:\n  url: jdbc:sqlite:"
                            + Files.createTempDirectory("warden-e2e-db").resolve("warden.db") + "\n")
                    + (yaml.contains("secrets:") ? "" : "secrets:\n  key: " + TEST_SECRET + "\n")
                    + yaml;
            Files.writeString(file, full);
            var config = ConfigLoader.create(env).load(file);
            var log = new ByteArrayOutputStream();
            return new RunningGateway(Wiring.start(config, log), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return wiring.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The official OpenAI SDK pointed at this gateway, with retries off so tests see every status. */
    public OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + port() + "/v1")
                .apiKey(MASTER_KEY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return post(path, body, "Authorization", "Bearer " + MASTER_KEY, "Content-Type", "application/json");
    }

    public HttpResponse<String> get(String path, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient http() {
        return http;
    }

    /** Access log lines written so far (the writer is asynchronous: use {@link #awaitLogLines}). */
    public List<String> logLines() {
        return accessLog.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The access log line of one request, found by the {@code x-request-id} the client got; waits up to 5 s, as
     * the log is written in the background.
     */
    public String awaitLogLine(String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        var needle = "\"request_id\":\"" + requestId + "\"";
        while (System.nanoTime() < deadline) {
            for (var line : logLines()) {
                if (line.contains(needle)) {
                    return line;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no access log line for " + requestId + " in:\n" + String.join("\n", logLines()));
    }

    public Wiring wiring() {
        return wiring;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            wiring.close();
        }
    }
}

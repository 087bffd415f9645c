package dev.warden.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.api.anthropic.AnthropicCodec;
import dev.warden.api.ollama.OllamaCodec;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.admin.AdminApi;
import dev.warden.auth.Authenticator;
import dev.warden.pipeline.Pipeline;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The running HTTP server: dialect routes, health, and graceful drain. Requests run on virtual threads (one per
 * request, Helidon SE's model), so the request path is plain blocking code.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GatewayServer.class.getName());

    /**
     * @param port 0 picks a free port (tests)
     * @param maxBodyBytes requests with larger bodies get 413
     * @param shutdownGrace how long shutdown waits for in-flight requests and streams
     */
    /** @param health what {@code /health/ready} reports beside its status (counters; read on every probe) */
    public record Settings(String host, int port, long maxBodyBytes, Duration shutdownGrace,
            Supplier<Map<String, Object>> health) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(shutdownGrace, "shutdownGrace");
            Objects.requireNonNull(health, "health");
        }
    }

    private final WebServer server;
    private final InFlight inFlight;
    private final Settings settings;

    private GatewayServer(WebServer server, InFlight inFlight, Settings settings) {
        this.server = server;
        this.inFlight = inFlight;
        this.settings = settings;
    }

    /** The client dialects' codecs, built in Wiring. */
    public record Codecs(OpenAiCodec openAi, AnthropicCodec anthropic, OllamaCodec ollama) {}

    /** The admin API and how its callers are authenticated; served under {@code /admin} when given. */
    public record Admin(AdminApi api, Authenticator authenticator) {}

    public static GatewayServer start(Settings settings, Pipeline pipeline, Codecs codecs, InstantSource clock,
            Supplier<String> requestIds) {
        return start(settings, pipeline, codecs, clock, requestIds, Optional.empty());
    }

    public static GatewayServer start(Settings settings, Pipeline pipeline, Codecs codecs, InstantSource clock,
            Supplier<String> requestIds, Admin admin) {
        return start(settings, pipeline, codecs, clock, requestIds, Optional.of(admin));
    }

    private static GatewayServer start(Settings settings, Pipeline pipeline, Codecs codecs, InstantSource clock,
            Supplier<String> requestIds, Optional<Admin> admin) {
        var inFlight = new InFlight();
        var calls = new CallRunner(pipeline, inFlight, clock, requestIds);
        var bodies = new JsonBodies(new BodyReader(settings.maxBodyBytes()));
        var openAi = new OpenAiEndpoints(codecs.openAi(), calls, bodies);
        var anthropic = new AnthropicEndpoints(codecs.anthropic(), calls, bodies);
        var ollama = new OllamaEndpoints(codecs.ollama(), calls, bodies);
        var adminEndpoints = admin.map(a -> new AdminEndpoints(a.api(), a.authenticator(),
                new BodyReader(settings.maxBodyBytes()), inFlight, requestIds));
        var server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false)
                // Small SSE writes must leave at once; with Nagle on, the first event waited ~40 ms for an ACK
                // (measured in docs/decisions/0001-http-server.md).
                .connectionOptions(options -> options.tcpNoDelay(true))
                // Host is never used to route or to build URLs here, so its syntax check (a regular expression per
                // request, ~1 % of the CPU under load) buys nothing; Helidon's per-message trace listeners neither.
                .addProtocol(Http1Config.builder()
                        .validateRequestHostHeader(false)
                        .receiveLog(false)
                        .sendLog(false)
                        .build())
                .featuresDiscoverServices(false)
                .routing(routing -> {
                    // Helidon tries routes in order and the dialects' paths do not overlap: the busiest go first.
                    openAi.register(routing);
                    anthropic.register(routing);
                    ollama.register(routing);
                    health(routing, inFlight, settings.health());
                    adminEndpoints.ifPresent(endpoints -> endpoints.register(routing));
                    routing.any(openAi::unknownUrl);
                })
                .build()
                .start();
        return new GatewayServer(server, inFlight, settings);
    }

    private static void health(HttpRouting.Builder routing, InFlight inFlight, Supplier<Map<String, Object>> details) {
        var json = new ObjectMapper();
        routing.route(Method.GET, "/health/live", (req, res) -> plainJson(res, 200, "{\"status\":\"live\"}"));
        routing.route(Method.GET, "/health/ready", (req, res) -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", inFlight.draining() ? "draining" : "ready");
            body.putAll(details.get());
            plainJson(res, inFlight.draining() ? 503 : 200, json.writeValueAsString(body));
        });
    }

    private static void plainJson(ServerResponse res, int status, String body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.header("Cache-Control", "no-store");
        res.send(body);
    }

    public int port() {
        return server.port();
    }

    public int inFlight() {
        return inFlight.count();
    }

    /**
     * Drains and stops: readiness turns 503, new API calls are refused with 503, in-flight requests (streams
     * included) get up to the grace period to finish, then the listener closes.
     */
    public void drainAndStop() {
        LOG.info(() -> "draining " + inFlight.count() + " in-flight request(s), grace "
                + settings.shutdownGrace().toSeconds() + " s");
        boolean clean = inFlight.drain(settings.shutdownGrace());
        if (!clean) {
            LOG.warning(() -> inFlight.count() + " request(s) still running at the end of the grace period");
        }
        server.stop();
    }

    @Override
    public void close() {
        drainAndStop();
    }
}

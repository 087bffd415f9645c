package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict fake of the Anthropic Messages API ({@code POST /v1/messages}) on loopback. It validates like the real
 * API (credential, {@code anthropic-version}, required {@code max_tokens}, no system role in {@code messages},
 * alternating turns starting with user, non-empty content, tool_use/tool_result pairing, known models) and answers
 * malformed requests with Anthropic's own error bodies, so a translator bug fails a test instead of passing against a
 * lenient fake. Valid requests get the next scripted {@link AnthropicBehaviour}, or a deterministic echo: the text
 * "Echo: " and the last user text, or, when {@code tool_choice} forces a tool, a call of it with
 * {@code {"echo": <last user text>}}; streamed with the full documented event sequence, ping included.
 */
public final class FakeAnthropicUpstream implements AutoCloseable {
    public static final String API_KEY = "sk-ant-fake-0123456789abcdef";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String apiKey;
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<AnthropicBehaviour> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsAbortedByPeer = new AtomicInteger();
    private final AtomicInteger streamsCompleted = new AtomicInteger();

    private FakeAnthropicUpstream(String apiKey) throws IOException {
        this.apiKey = apiKey;
        models.addAll(List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeAnthropicUpstream start() {
        return start(API_KEY);
    }

    public static FakeAnthropicUpstream start(String apiKey) {
        try {
            return new FakeAnthropicUpstream(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: Anthropic's base URL has no {@code /v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String apiKey() {
        return apiKey;
    }

    /** Known models; others answer 404 not_found_error. */
    public FakeAnthropicUpstream addModel(String model) {
        models.add(model);
        return this;
    }

    public FakeAnthropicUpstream enqueue(AnthropicBehaviour... behaviours) {
        script.addAll(List.of(behaviours));
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return requests.getLast();
    }

    /** The last request's body as a JSON tree. */
    public JsonNode lastBody() {
        try {
            return AnthropicAnswers.JSON.readTree(lastRequest().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams whose client went away mid-stream (a write failed). */
    public int streamsAbortedByPeer() {
        return streamsAbortedByPeer.get();
    }

    public int streamsCompleted() {
        return streamsCompleted.get();
    }

    /** Waits until at least {@code count} streams were aborted by the peer; false on timeout. */
    public boolean awaitStreamsAbortedByPeer(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streamsAbortedByPeer.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new HashMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            var uri = exchange.getRequestURI();
            var request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body);
            requests.add(request);
            try {
                route(exchange, request);
            } catch (IOException peerGone) {
                // the client hung up while we answered; nothing left to do
            }
        }
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (!request.path().equals("/v1/messages")) {
            json(exchange, 404, AnthropicAnswers.error("not_found_error", "Not Found"));
            return;
        }
        if (!request.method().equals("POST")) {
            json(exchange, 405, AnthropicAnswers.error("invalid_request_error", "Method Not Allowed"));
            return;
        }
        var key = request.header("x-api-key").orElse(null);
        if (key == null) {
            json(exchange, 401, AnthropicAnswers.error("authentication_error", "x-api-key header is required"));
            return;
        }
        if (!key.equals(apiKey)) {
            json(exchange, 401, AnthropicAnswers.error("authentication_error", "invalid x-api-key"));
            return;
        }
        if (request.header("anthropic-version").isEmpty()) {
            json(exchange, 400, AnthropicAnswers.error("invalid_request_error",
                    "anthropic-version: header is required"));
            return;
        }
        JsonNode root = null;
        try {
            root = AnthropicAnswers.JSON.readTree(request.body());
        } catch (IOException notJson) {
            // answered below
        }
        if (root == null || !root.isObject()) {
            json(exchange, 400, AnthropicAnswers.error("invalid_request_error",
                    "There was an issue with the format of your request: invalid JSON body"));
            return;
        }
        var violation = AnthropicRules.check(root);
        if (violation != null) {
            json(exchange, 400, AnthropicAnswers.error("invalid_request_error", violation));
            return;
        }
        var model = root.get("model").asText();
        if (!models.contains(model)) {
            json(exchange, 404, AnthropicAnswers.error("not_found_error", "model: " + model));
            return;
        }
        var scripted = script.poll();
        if (scripted != null) {
            play(exchange, scripted, model, root);
        } else {
            echo(exchange, model, root);
        }
    }

    private void play(HttpExchange exchange, AnthropicBehaviour behaviour, String model, JsonNode root)
            throws IOException {
        switch (behaviour) {
            case AnthropicBehaviour.Reply reply -> {
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                json(exchange, reply.status(), reply.json());
            }
            case AnthropicBehaviour.Stream stream -> stream(exchange, stream.events(), stream.delayMillis());
            case AnthropicBehaviour.Hang hang -> {
                try {
                    Thread.sleep(hang.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                echo(exchange, model, root);
            }
        }
    }

    private void echo(HttpExchange exchange, String model, JsonNode root) throws IOException {
        if (root.path("stream").asBoolean(false)) {
            stream(exchange, AnthropicAnswers.events(model, root), 0);
        } else {
            json(exchange, 200, AnthropicAnswers.message(model, root));
        }
    }

    private void stream(HttpExchange exchange, List<AnthropicEvents.Event> events, long delayMillis)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("request-id", "req_fake_stream");
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        try {
            for (int i = 0; i < events.size(); i++) {
                if (i > 0 && delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(events.get(i).wire().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            streamsCompleted.incrementAndGet();
        } catch (IOException peerGone) {
            streamsAbortedByPeer.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("request-id", "req_fake_" + status);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

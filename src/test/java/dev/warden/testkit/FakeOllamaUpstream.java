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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict fake of Ollama's native API on loopback. It validates like Ollama (see {@link FakeOllamaChecks}) and answers
 * malformed requests with Ollama's own {@code {"error": "..."}} bodies; like Ollama it streams NDJSON when
 * {@code stream} is absent, so a provider that forgets to send {@code stream: false} gets a stream back and fails.
 * Valid requests get the next scripted {@link FakeOllamaBehaviour}, or a deterministic echo.
 *
 * <p>Served: {@code POST /api/chat}, {@code /api/generate}, {@code /api/embed} and {@code GET /api/tags}. With an
 * API key (as behind an auth proxy) every call must carry it as a bearer token.
 */
public final class FakeOllamaUpstream implements AutoCloseable {
    public static final String NDJSON = "application/x-ndjson";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String apiKey;
    private final Set<String> models = new LinkedHashSet<>(List.of("llama3.2:latest", "qwen3:latest",
            "llava:latest", "nomic-embed-text:latest"));
    private final ConcurrentLinkedQueue<FakeOllamaBehaviour> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsAbortedByPeer = new AtomicInteger();
    private final AtomicInteger streamsCompleted = new AtomicInteger();

    private FakeOllamaUpstream(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A plain local Ollama: no authentication. */
    public static FakeOllamaUpstream start() {
        return start(null);
    }

    /** Ollama behind a proxy that wants {@code Authorization: Bearer apiKey}; null for none. */
    public static FakeOllamaUpstream start(String apiKey) {
        try {
            return new FakeOllamaUpstream(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}, what an Ollama endpoint's base URL is. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized FakeOllamaUpstream addModel(String model) {
        models.add(canonical(model));
        return this;
    }

    public FakeOllamaUpstream enqueue(FakeOllamaBehaviour... behaviours) {
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

    /** The vector the default echo answers for {@code input}, for assertions. */
    public static float[] embeddingFor(String input) {
        return FakeOllamaAnswers.embeddingFor(input);
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
        var path = request.path();
        var expected = switch (path) {
            case "/api/chat", "/api/generate", "/api/embed" -> "POST";
            case "/api/tags" -> "GET";
            default -> null;
        };
        if (expected == null) {
            text(exchange, 404, "404 page not found"); // Go's default mux answer, not JSON
            return;
        }
        if (!request.method().equals(expected)) {
            text(exchange, 405, "405 method not allowed");
            return;
        }
        if (apiKey != null && !("Bearer " + apiKey).equals(request.header("authorization").orElse(null))) {
            json(exchange, 401, FakeOllamaAnswers.error("unauthorized"));
            return;
        }
        if (path.equals("/api/tags")) {
            json(exchange, 200, FakeOllamaAnswers.tags(snapshot()));
            return;
        }
        if (request.body().isBlank()) {
            json(exchange, 400, FakeOllamaAnswers.error("missing request body"));
            return;
        }
        JsonNode root;
        try {
            root = FakeOllamaAnswers.JSON.readTree(request.body());
        } catch (IOException notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            json(exchange, 400, FakeOllamaAnswers.error("invalid character '" + request.body().strip().charAt(0)
                    + "' looking for beginning of value"));
            return;
        }
        var problem = switch (path) {
            case "/api/chat" -> FakeOllamaChecks.chat(root);
            case "/api/generate" -> FakeOllamaChecks.generate(root);
            default -> FakeOllamaChecks.embed(root);
        };
        if (problem != null) {
            json(exchange, 400, FakeOllamaAnswers.error(problem));
            return;
        }
        var model = root.path("model").asText("");
        if (model.isEmpty()) {
            json(exchange, 400, FakeOllamaAnswers.error("model is required"));
            return;
        }
        if (!snapshot().contains(canonical(model))) {
            json(exchange, 404, FakeOllamaAnswers.error("model '" + model + "' not found"));
            return;
        }
        var scripted = script.poll();
        if (scripted != null) {
            play(exchange, scripted, path, model, root);
        } else {
            echo(exchange, path, model, root);
        }
    }

    private void play(HttpExchange exchange, FakeOllamaBehaviour behaviour, String path, String model,
            JsonNode root) throws IOException {
        switch (behaviour) {
            case FakeOllamaBehaviour.Reply reply -> json(exchange, reply.status(), reply.json());
            case FakeOllamaBehaviour.Lines lines -> stream(exchange, lines.lines(), lines.delayMillis(), null);
            case FakeOllamaBehaviour.RawStream raw -> stream(exchange, List.of(), 0, raw.body());
            case FakeOllamaBehaviour.Hang hang -> {
                try {
                    Thread.sleep(hang.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                echo(exchange, path, model, root);
            }
        }
    }

    /** Ollama streams unless told {@code "stream": false}. */
    private void echo(HttpExchange exchange, String path, String model, JsonNode root) throws IOException {
        boolean stream = root.path("stream").asBoolean(true);
        switch (path) {
            case "/api/chat" -> {
                var messages = root.path("messages");
                if (stream) {
                    stream(exchange, FakeOllamaAnswers.chatLines(model, messages), 0, null);
                } else {
                    json(exchange, 200, FakeOllamaAnswers.chat(model, messages));
                }
            }
            case "/api/generate" -> {
                var prompt = root.path("prompt").asText("");
                if (stream) {
                    stream(exchange, FakeOllamaAnswers.generateLines(model, prompt), 0, null);
                } else {
                    json(exchange, 200, FakeOllamaAnswers.generate(model, prompt));
                }
            }
            default -> {
                var input = root.path("input");
                var inputs = new ArrayList<String>();
                if (input.isArray()) {
                    input.forEach(i -> inputs.add(i.asText()));
                } else if (input.isTextual() && !input.asText().isEmpty()) {
                    inputs.add(input.asText());
                }
                json(exchange, 200, FakeOllamaAnswers.embed(model, inputs, root.path("dimensions").asInt(0)));
            }
        }
    }

    private void stream(HttpExchange exchange, List<String> lines, long delayMillis, String raw) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", NDJSON);
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        try {
            if (raw != null) {
                out.write(raw.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0 && delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
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
        send(exchange, status, "application/json; charset=utf-8", json);
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private synchronized Set<String> snapshot() {
        return new LinkedHashSet<>(models);
    }

    /** Ollama's names default the tag to {@code latest}. */
    private static String canonical(String model) {
        return model.contains(":") ? model : model + ":latest";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

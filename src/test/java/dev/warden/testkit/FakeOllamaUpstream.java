package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    private final String apiKey;
    private final Set<String> models = new LinkedHashSet<>(List.of("llama3.2:latest", "qwen3:latest",
            "llava:latest", "nomic-embed-text:latest"));
    private final FakeServer<FakeOllamaBehaviour> server;

    private FakeOllamaUpstream(String apiKey) {
        this.apiKey = apiKey;
        server = FakeServer.bind(this::route);
        server.start();
    }

    /** A plain local Ollama: no authentication. */
    public static FakeOllamaUpstream start() {
        return start(null);
    }

    /** Ollama behind a proxy that wants {@code Authorization: Bearer apiKey}; null for none. */
    public static FakeOllamaUpstream start(String apiKey) {
        return new FakeOllamaUpstream(apiKey);
    }

    /** {@code http://127.0.0.1:port}, what an Ollama endpoint's base URL is. */
    public URI baseUrl() {
        return server.rootUrl();
    }

    public synchronized FakeOllamaUpstream addModel(String model) {
        models.add(canonical(model));
        return this;
    }

    public FakeOllamaUpstream enqueue(FakeOllamaBehaviour... behaviours) {
        server.enqueue(List.of(behaviours));
        return this;
    }

    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public RecordedRequest lastRequest() {
        return server.lastRequest();
    }

    /** Streams whose client went away mid-stream (a write failed). */
    public int streamsAbortedByPeer() {
        return server.streamsAbortedByPeer();
    }

    public int streamsCompleted() {
        return server.streamsCompleted();
    }

    /** Waits until at least {@code count} streams were aborted by the peer; false on timeout. */
    public boolean awaitStreamsAbortedByPeer(int count, Duration timeout) throws InterruptedException {
        return server.awaitStreamsAbortedByPeer(count, timeout);
    }

    /** The vector the default echo answers for {@code input}, for assertions. */
    public static float[] embeddingFor(String input) {
        return FakeAnswers.embeddingFor(input);
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
        var root = FakeServer.jsonObject(request.body());
        if (root == null) {
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
        var scripted = server.nextBehaviour();
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
            case FakeOllamaBehaviour.Lines lines -> stream(exchange, lines.lines(), lines.delayMillis());
            // sent as one unpaced chunk, so (unlike the SSE fakes' raw streams) it counts as a completed stream
            case FakeOllamaBehaviour.RawStream raw -> server.stream(exchange, NDJSON,
                    List.of(FakeServer.utf8(raw.body())), 0);
            case FakeOllamaBehaviour.Hang hang -> {
                if (FakeServer.pause(hang.millis())) {
                    echo(exchange, path, model, root);
                }
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
                    stream(exchange, FakeOllamaAnswers.chatLines(model, messages), 0);
                } else {
                    json(exchange, 200, FakeOllamaAnswers.chat(model, messages));
                }
            }
            case "/api/generate" -> {
                var prompt = root.path("prompt").asText("");
                if (stream) {
                    stream(exchange, FakeOllamaAnswers.generateLines(model, prompt), 0);
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

    private void stream(HttpExchange exchange, List<String> lines, long delayMillis) throws IOException {
        server.stream(exchange, NDJSON, FakeServer.framed(lines, "", "\n"), delayMillis);
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        FakeServer.send(exchange, status, "application/json; charset=utf-8", json);
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        FakeServer.send(exchange, status, "text/plain; charset=utf-8", text);
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
        server.close();
    }
}

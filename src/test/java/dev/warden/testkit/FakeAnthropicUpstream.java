package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private final String apiKey;
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final FakeServer<AnthropicBehaviour> server;

    private FakeAnthropicUpstream(String apiKey) {
        this.apiKey = apiKey;
        models.addAll(List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"));
        server = FakeServer.bind(this::route);
        server.start();
    }

    public static FakeAnthropicUpstream start() {
        return start(API_KEY);
    }

    public static FakeAnthropicUpstream start(String apiKey) {
        return new FakeAnthropicUpstream(apiKey);
    }

    /** {@code http://127.0.0.1:port}: Anthropic's base URL has no {@code /v1}. */
    public URI baseUrl() {
        return server.rootUrl();
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
        server.enqueue(List.of(behaviours));
        return this;
    }

    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public RecordedRequest lastRequest() {
        return server.lastRequest();
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
        return server.streamsAbortedByPeer();
    }

    public int streamsCompleted() {
        return server.streamsCompleted();
    }

    /** Waits until at least {@code count} streams were aborted by the peer; false on timeout. */
    public boolean awaitStreamsAbortedByPeer(int count, Duration timeout) throws InterruptedException {
        return server.awaitStreamsAbortedByPeer(count, timeout);
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
        var root = FakeServer.jsonObject(request.body());
        if (root == null) {
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
        var scripted = server.nextBehaviour();
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
                FakeServer.addHeaders(exchange, reply.headers());
                json(exchange, reply.status(), reply.json());
            }
            case AnthropicBehaviour.Stream stream -> stream(exchange, stream.events(), stream.delayMillis());
            case AnthropicBehaviour.Hang hang -> {
                if (FakeServer.pause(hang.millis())) {
                    echo(exchange, model, root);
                }
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
        exchange.getResponseHeaders().add("request-id", "req_fake_stream");
        server.stream(exchange, "text/event-stream; charset=utf-8",
                events.stream().map(event -> FakeServer.utf8(event.wire())).toList(), delayMillis);
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().add("request-id", "req_fake_" + status);
        FakeServer.send(exchange, status, "application/json", json);
    }

    @Override
    public void close() {
        server.close();
    }
}

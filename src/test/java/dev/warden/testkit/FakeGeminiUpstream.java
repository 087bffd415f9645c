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
import java.util.regex.Pattern;

/**
 * A strict fake of Google's Gemini APIs on loopback: the Generative Language API
 * ({@code /v1beta/models/{model}:method}, key in {@code x-goog-api-key}) and Vertex AI
 * ({@code /v1/projects/{p}/locations/{l}/publishers/google/models/{model}:method}, bearer token). It validates like
 * the real APIs and answers with Google's own error bodies: no key → 403 PERMISSION_DENIED, a wrong key → 400
 * INVALID_ARGUMENT with reason API_KEY_INVALID, a bad Vertex token → 401 UNAUTHENTICATED, an invalid role or empty
 * contents → 400, an unknown model → 404 NOT_FOUND. Valid requests get the next scripted {@link GeminiBehaviour},
 * or a deterministic echo.
 */
public final class FakeGeminiUpstream implements AutoCloseable {
    public static final String API_KEY = "AIzaFakeKey0123456789abcdefghijklmnopqr";
    public static final String ACCESS_TOKEN = "ya29.fake-access-token-0123456789";
    public static final String PROJECT = "fake-project";
    public static final String LOCATION = "us-central1";
    private static final Pattern GENERATIVE = Pattern.compile("/v1beta/models/([^/:]+):(\\w+)");
    private static final Pattern VERTEX = Pattern.compile(
            "/v1/projects/([^/]+)/locations/([^/]+)/publishers/google/models/([^/:]+):(\\w+)");
    private static final Set<String> CHAT_METHODS = Set.of("generateContent", "streamGenerateContent");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> chatModels = ConcurrentHashMap.newKeySet();
    private final Set<String> embeddingModels = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<GeminiBehaviour> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsAbortedByPeer = new AtomicInteger();
    private final AtomicInteger streamsCompleted = new AtomicInteger();

    private FakeGeminiUpstream() throws IOException {
        chatModels.addAll(List.of("gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash"));
        embeddingModels.addAll(List.of("gemini-embedding-001", "text-embedding-004"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeGeminiUpstream start() {
        try {
            return new FakeGeminiUpstream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}: the base URL for both flavors. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeGeminiUpstream enqueue(GeminiBehaviour... behaviours) {
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

    /** The vector the default echo answers for {@code text}, for assertions. */
    public static float[] embeddingFor(String text) {
        return GeminiAnswers.embeddingFor(text);
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
        var generative = GENERATIVE.matcher(request.path());
        var vertex = VERTEX.matcher(request.path());
        String model;
        String method;
        boolean isVertex = vertex.matches();
        if (generative.matches()) {
            model = generative.group(1);
            method = generative.group(2);
            var key = request.header("x-goog-api-key").orElse(null);
            if (key == null) {
                json(exchange, 403, GeminiAnswers.error(403, "Method doesn't allow unregistered callers (callers "
                        + "without established identity). Please use API Key or other form of API consumer "
                        + "identity to call this API.", "PERMISSION_DENIED", null));
                return;
            }
            if (!key.equals(API_KEY)) {
                json(exchange, 400, GeminiAnswers.error(400, "API key not valid. Please pass a valid API key.",
                        "INVALID_ARGUMENT", "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
                                + "\"API_KEY_INVALID\",\"domain\":\"googleapis.com\",\"metadata\":{\"service\":"
                                + "\"generativelanguage.googleapis.com\"}}]"));
                return;
            }
        } else if (isVertex) {
            model = vertex.group(3);
            method = vertex.group(4);
            if (!("Bearer " + ACCESS_TOKEN).equals(request.header("authorization").orElse(null))) {
                json(exchange, 401, GeminiAnswers.error(401, "Request had invalid authentication credentials. "
                        + "Expected OAuth 2 access token, login cookie or other valid authentication credential. "
                        + "See https://developers.google.com/identity/sign-in/web/devconsole-project.",
                        "UNAUTHENTICATED", null));
                return;
            }
            if (!vertex.group(1).equals(PROJECT) || !vertex.group(2).equals(LOCATION)) {
                json(exchange, 403, GeminiAnswers.error(403, "Permission 'aiplatform.endpoints.predict' denied on "
                        + "resource '//aiplatform.googleapis.com/projects/" + vertex.group(1) + "/locations/"
                        + vertex.group(2) + "/publishers/google/models/" + model + "' (or it may not exist).",
                        "PERMISSION_DENIED", null));
                return;
            }
        } else {
            json(exchange, 404, "<!DOCTYPE html><html><title>Error 404 (Not Found)!!1</title></html>");
            return;
        }
        if (!request.method().equals("POST")) {
            json(exchange, 405, GeminiAnswers.error(405, "Method not allowed", "UNIMPLEMENTED", null));
            return;
        }
        JsonNode root;
        try {
            root = GeminiAnswers.JSON.readTree(request.body());
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            json(exchange, 400, GeminiAnswers.invalid("Invalid JSON payload received. Unexpected token."));
            return;
        }
        boolean chat = CHAT_METHODS.contains(method);
        boolean batch = method.equals("batchEmbedContents");
        if (!chat && !method.equals("embedContent") && !(batch && !isVertex)) {
            json(exchange, 404, GeminiAnswers.error(404, "Method not found.", "NOT_FOUND", null));
            return;
        }
        var problem = chat ? GeminiValidator.generate(root, isVertex) : batch ? batch(root, model)
                : GeminiValidator.embed(root, "EmbedContentRequest");
        if (problem != null) {
            json(exchange, 400, problem);
            return;
        }
        if (!(chat ? chatModels : embeddingModels).contains(model)) {
            json(exchange, 404, GeminiAnswers.error(404, isVertex
                    ? "Publisher Model `projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/google/models/"
                            + model + "` was not found or your project does not have access to it."
                    : "models/" + model + " is not found for API version v1beta, or is not supported for " + method
                            + ". Call ListModels to see the list of available models and their supported methods.",
                    "NOT_FOUND", null));
            return;
        }
        answer(exchange, request, method, model, root, isVertex);
    }

    private static String batch(JsonNode root, String model) {
        var requests = root.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            return GeminiAnswers.invalid("* BatchEmbedContentsRequest.requests: requests must not be empty.\n");
        }
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            if (!("models/" + model).equals(request.path("model").asText())) {
                return GeminiAnswers.invalid("Model name in request[" + i + "] (" + request.path("model").asText()
                        + ") does not match the model name in the URL (models/" + model + ").");
            }
            var problem = GeminiValidator.embed(request, "BatchEmbedContentsRequest.requests[" + i + "]");
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private void answer(HttpExchange exchange, RecordedRequest request, String method, String model, JsonNode root,
            boolean vertex) throws IOException {
        var scripted = script.poll();
        if (scripted instanceof GeminiBehaviour.Hang(var millis)) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            scripted = null;
        }
        boolean sse = request.query().matches("(^|.*&)alt=sse(&.*|$)");
        switch (scripted) {
            case GeminiBehaviour.Reply reply -> {
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                json(exchange, reply.status(), reply.json());
            }
            case GeminiBehaviour.Stream stream -> stream(exchange, stream.events(), stream.delayMillis());
            case GeminiBehaviour.RawStream raw -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(raw.body().getBytes(StandardCharsets.UTF_8));
            }
            case GeminiBehaviour.Hang hang -> throw new IllegalStateException("handled above");
            case null -> echo(exchange, method, model, root, vertex, sse);
        }
    }

    private void echo(HttpExchange exchange, String method, String model, JsonNode root, boolean vertex, boolean sse)
            throws IOException {
        switch (method) {
            case "generateContent" -> json(exchange, 200, GeminiAnswers.generateContent(model, root));
            case "streamGenerateContent" -> {
                var chunks = GeminiAnswers.streamChunks(model, root);
                if (sse) {
                    stream(exchange, chunks, 0);
                } else {
                    json(exchange, 200, "[" + String.join(",", chunks) + "]"); // without alt=sse: one JSON array
                }
            }
            case "embedContent" -> {
                var answer = GeminiAnswers.JSON.createObjectNode();
                answer.set("embedding", GeminiAnswers.embedding(root));
                if (vertex) {
                    answer.putObject("usageMetadata").put("promptTokenCount",
                            GeminiAnswers.words(GeminiAnswers.text(root.path("content"))));
                }
                json(exchange, 200, answer.toString());
            }
            default -> {
                var answer = GeminiAnswers.JSON.createObjectNode();
                var embeddings = answer.putArray("embeddings");
                root.path("requests").forEach(r -> embeddings.add(GeminiAnswers.embedding(r)));
                json(exchange, 200, answer.toString());
            }
        }
    }

    private void stream(HttpExchange exchange, List<String> events, long delayMillis) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        try {
            for (int i = 0; i < events.size(); i++) {
                if (i > 0 && delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(("data: " + events.get(i) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
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
        exchange.getResponseHeaders().add("Content-Type", json.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Set<String> chatModels = ConcurrentHashMap.newKeySet();
    private final Set<String> embeddingModels = ConcurrentHashMap.newKeySet();
    private final FakeServer<GeminiBehaviour> server;

    private FakeGeminiUpstream() {
        chatModels.addAll(List.of("gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash"));
        embeddingModels.addAll(List.of("gemini-embedding-001", "text-embedding-004"));
        server = FakeServer.bind(this::route);
        server.start();
    }

    public static FakeGeminiUpstream start() {
        return new FakeGeminiUpstream();
    }

    /** {@code http://127.0.0.1:port}: the base URL for both flavors. */
    public URI baseUrl() {
        return server.rootUrl();
    }

    public FakeGeminiUpstream enqueue(GeminiBehaviour... behaviours) {
        server.enqueue(List.of(behaviours));
        return this;
    }

    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public RecordedRequest lastRequest() {
        return server.lastRequest();
    }

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

    /** The vector the default echo answers for {@code text}, for assertions. */
    public static float[] embeddingFor(String text) {
        return FakeAnswers.embeddingFor(text);
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
        var root = FakeServer.jsonObject(request.body());
        if (root == null) {
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
        var scripted = server.nextBehaviour();
        if (scripted instanceof GeminiBehaviour.Hang(var millis)) {
            if (!FakeServer.pause(millis)) {
                return;
            }
            scripted = null;
        }
        boolean sse = request.query().matches("(^|.*&)alt=sse(&.*|$)");
        switch (scripted) {
            case GeminiBehaviour.Reply reply -> {
                FakeServer.addHeaders(exchange, reply.headers());
                json(exchange, reply.status(), reply.json());
            }
            case GeminiBehaviour.Stream stream -> stream(exchange, stream.events(), stream.delayMillis());
            case GeminiBehaviour.RawStream raw -> FakeServer.raw(exchange, "text/event-stream", raw.body());
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
                            FakeAnswers.words(GeminiAnswers.text(root.path("content"))));
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
        server.stream(exchange, "text/event-stream", FakeServer.framed(events, "data: ", "\r\n\r\n"), delayMillis);
    }

    /** Google's front end answers unknown paths with an HTML page, not JSON. */
    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        FakeServer.send(exchange, status, json.startsWith("<") ? "text/html" : "application/json", json);
    }

    @Override
    public void close() {
        server.close();
    }
}

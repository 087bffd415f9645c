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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A strict fake of the OpenAI API (and Azure OpenAI's deployment URLs) on loopback. It validates like the real API
 * and answers malformed requests with OpenAI's own error bodies, so a translator bug fails a test instead of passing
 * against a lenient fake. Valid requests get the next scripted {@link FakeBehaviour}, or a deterministic echo.
 *
 * <p>Served: {@code POST /v1/chat/completions}, {@code /v1/completions}, {@code /v1/embeddings},
 * {@code GET /v1/models}, and {@code POST /openai/deployments/{name}/...?api-version=} with an {@code api-key}.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {
    public static final String API_KEY = "sk-fake-0123456789abcdef";
    private static final Pattern AZURE = Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|completions|embeddings)");

    private final String apiKey;
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final FakeServer<FakeBehaviour> server;

    private FakeOpenAiUpstream(String apiKey) {
        this.apiKey = apiKey;
        models.addAll(List.of("gpt-4o", "gpt-4o-mini", "o3-mini", "gpt-3.5-turbo-instruct", "text-embedding-3-small"));
        server = FakeServer.bind(this::route);
        server.start();
    }

    public static FakeOpenAiUpstream start() {
        return start(API_KEY);
    }

    public static FakeOpenAiUpstream start(String apiKey) {
        return new FakeOpenAiUpstream(apiKey);
    }

    /** {@code http://127.0.0.1:port/v1}, what an OpenAI endpoint's base URL is. */
    public URI baseUrl() {
        return URI.create(rootUrl() + "/v1");
    }

    /** {@code http://127.0.0.1:port}, what an Azure resource URL is. */
    public URI rootUrl() {
        return server.rootUrl();
    }

    public String apiKey() {
        return apiKey;
    }

    /** Known models (and Azure deployments); others answer 404 model_not_found. */
    public FakeOpenAiUpstream addModel(String model) {
        models.add(model);
        return this;
    }

    public FakeOpenAiUpstream enqueue(FakeBehaviour... behaviours) {
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

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        var path = request.path();
        var azure = AZURE.matcher(path);
        if (azure.matches()) {
            routeAzure(exchange, request, azure.group(1), azure.group(2));
            return;
        }
        String operation = switch (path) {
            case "/v1/chat/completions" -> "chat/completions";
            case "/v1/completions" -> "completions";
            case "/v1/embeddings" -> "embeddings";
            case "/v1/models" -> "models";
            default -> null;
        };
        if (operation == null) {
            json(exchange, 404, FakeAnswers.error("Invalid URL (" + request.method() + " " + path + ")",
                    "invalid_request_error", null, null));
            return;
        }
        var expectedMethod = operation.equals("models") ? "GET" : "POST";
        if (!request.method().equals(expectedMethod)) {
            json(exchange, 405, FakeAnswers.error("Invalid method for URL (" + request.method() + " " + path + ")",
                    "invalid_request_error", null, null));
            return;
        }
        var auth = request.header("authorization").orElse(null);
        if (auth == null || !auth.startsWith("Bearer ")) {
            json(exchange, 401, FakeAnswers.error("You didn't provide an API key. You need to provide your API key "
                    + "in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the "
                    + "password field (with blank username) if you're accessing the API from your browser and are "
                    + "prompted for a username and password. You can obtain an API key from "
                    + "https://platform.openai.com/account/api-keys.", "invalid_request_error", null,
                    "invalid_api_key"));
            return;
        }
        if (!auth.substring("Bearer ".length()).equals(apiKey)) {
            json(exchange, 401, FakeAnswers.error("Incorrect API key provided: " + mask(auth.substring(7))
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                    "invalid_request_error", null, "invalid_api_key"));
            return;
        }
        if (operation.equals("models")) {
            json(exchange, 200, FakeAnswers.models(new LinkedHashSet<>(models)));
            return;
        }
        var root = parse(exchange, request.body());
        if (root == null) {
            return;
        }
        var model = root.path("model");
        if (!model.isTextual() || model.asText().isEmpty()) {
            json(exchange, 400, FakeAnswers.error("you must provide a model parameter", "invalid_request_error",
                    "model", null));
            return;
        }
        if (!validate(exchange, operation, root)) {
            return;
        }
        if (!models.contains(model.asText())) {
            json(exchange, 404, FakeAnswers.error("The model `" + model.asText()
                    + "` does not exist or you do not have access to it.", "invalid_request_error", null,
                    "model_not_found"));
            return;
        }
        answer(exchange, operation, model.asText(), root);
    }

    private void routeAzure(HttpExchange exchange, RecordedRequest request, String deployment, String operation)
            throws IOException {
        if (!request.query().matches("(^|.*&)api-version=[^&]+.*")) {
            json(exchange, 404, "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}");
            return;
        }
        if (!request.method().equals("POST")) {
            json(exchange, 405, "{\"error\":{\"code\":\"405\",\"message\":\"Method not allowed\"}}");
            return;
        }
        if (!apiKey.equals(request.header("api-key").orElse(null))) {
            json(exchange, 401, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid "
                    + "subscription key or wrong API endpoint. Make sure to provide a valid key for an active "
                    + "subscription and use a correct regional API endpoint for your resource.\"}}");
            return;
        }
        var root = parse(exchange, request.body());
        if (root == null || !validate(exchange, operation, root)) {
            return;
        }
        if (!models.contains(deployment)) {
            json(exchange, 404, "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for "
                    + "this resource does not exist. If you created the deployment within the last 5 minutes, please "
                    + "wait a moment and try again.\"}}");
            return;
        }
        answer(exchange, operation, deployment, root);
    }

    private static JsonNode parse(HttpExchange exchange, String body) throws IOException {
        var root = FakeServer.jsonObject(body);
        if (root == null) {
            json(exchange, 400, FakeAnswers.error("We could not parse the JSON body of your request. (HINT: This "
                    + "likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON "
                    + "payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix "
                    + "this, please contact us through our help center at help.openai.com.)",
                    "invalid_request_error", null, null));
            return null;
        }
        return root;
    }

    private static boolean validate(HttpExchange exchange, String operation, JsonNode root) throws IOException {
        var problem = OpenAiRules.check(operation, root);
        if (problem != null) {
            json(exchange, 400, problem);
        }
        return problem == null;
    }

    private void answer(HttpExchange exchange, String operation, String model, JsonNode root) throws IOException {
        var scripted = server.nextBehaviour();
        if (scripted != null) {
            play(exchange, scripted, operation, model, root);
            return;
        }
        echo(exchange, operation, model, root);
    }

    private void play(HttpExchange exchange, FakeBehaviour behaviour, String operation, String model, JsonNode root)
            throws IOException {
        switch (behaviour) {
            case FakeBehaviour.Reply reply -> {
                FakeServer.addHeaders(exchange, reply.headers());
                json(exchange, reply.status(), reply.json());
            }
            case FakeBehaviour.Stream stream -> stream(exchange, stream.events(), stream.delayMillis(),
                    stream.done());
            case FakeBehaviour.RawStream raw -> FakeServer.raw(exchange, "text/event-stream", raw.body());
            case FakeBehaviour.Hang hang -> {
                if (FakeServer.pause(hang.millis())) {
                    echo(exchange, operation, model, root);
                }
            }
        }
    }

    private void echo(HttpExchange exchange, String operation, String model, JsonNode root) throws IOException {
        boolean stream = root.path("stream").asBoolean(false);
        boolean usage = root.path("stream_options").path("include_usage").asBoolean(false);
        switch (operation) {
            case "chat/completions" -> {
                if (stream) {
                    stream(exchange, FakeAnswers.chatChunks(model, root.get("messages"), usage), 0, true);
                } else {
                    json(exchange, 200, FakeAnswers.chatCompletion(model, root.get("messages")));
                }
            }
            case "completions" -> {
                var prompt = FakeAnswers.text(root.get("prompt").isArray() ? root.get("prompt").path(0)
                        : root.get("prompt"));
                if (stream) {
                    stream(exchange, FakeAnswers.completionChunks(model, prompt, usage), 0, true);
                } else {
                    json(exchange, 200, FakeAnswers.textCompletion(model, prompt));
                }
            }
            default -> {
                var input = root.get("input");
                var inputs = new ArrayList<String>();
                if (input.isArray()) {
                    input.forEach(i -> inputs.add(i.asText()));
                } else {
                    inputs.add(input.asText());
                }
                json(exchange, 200, FakeAnswers.embeddings(model, inputs,
                        "base64".equals(root.path("encoding_format").asText())));
            }
        }
    }

    private void stream(HttpExchange exchange, List<String> events, long delayMillis, boolean done)
            throws IOException {
        exchange.getResponseHeaders().add("x-request-id", "req_fake_stream");
        server.stream(exchange, "text/event-stream", FakeServer.framed(events, "data: ", "\n\n"), delayMillis,
                done ? FakeServer.utf8("data: [DONE]\n\n") : null);
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().add("x-request-id", "req_fake_" + status);
        FakeServer.send(exchange, status, "application/json", json);
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "***" : key.substring(0, 3) + "*".repeat(8) + key.substring(key.length() - 4);
    }

    /** The vector the default echo answers for {@code input}, for assertions. */
    public static float[] embeddingFor(String input) {
        return FakeAnswers.embeddingFor(input);
    }

    @Override
    public void close() {
        server.close();
    }
}

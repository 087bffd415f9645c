package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A strict fake of the Bedrock runtime on loopback. It checks SigV4 signatures by recomputing them with the known
 * secret (or checks the bearer API key), validates Converse bodies like Bedrock and answers malformed requests with
 * Bedrock's own error shape ({@code x-amzn-errortype} and {@code {"message"}}), so a translator or signer bug fails
 * a test instead of passing against a lenient fake. Valid requests get the next scripted {@link BedrockBehaviour},
 * or a deterministic echo (ConverseStream answers in real eventstream frames).
 *
 * <p>Served: {@code POST /model/{modelId}/converse}, {@code /converse-stream}, {@code /invoke} (Cohere and Titan
 * embeddings).
 */
public final class FakeBedrockUpstream implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "AKIAFAKEBEDROCK00001";
    public static final String SECRET = "fake/Secret+Key0123456789abcdefghijKLMNOP";
    public static final String SESSION_TOKEN = "FwoGZXIvYXdzEFAKESESSIONTOKEN//0123456789";
    public static final String BEARER = "ABSKfakeBedrockApiKey0123456789";
    public static final String REGION = "us-east-1";
    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream|invoke)");

    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final FakeServer<BedrockBehaviour> server;

    private FakeBedrockUpstream() {
        models.addAll(List.of("anthropic.claude-3-haiku-20240307-v1:0",
                "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "meta.llama3-8b-instruct-v1:0",
                "cohere.embed-english-v3", "amazon.titan-embed-text-v2:0"));
        // raw paths: the SigV4 check must see the model id still percent-encoded, as the client signed it
        server = FakeServer.bindKeepingRawPaths((exchange, request) -> {
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-fake-" + requestIds.incrementAndGet());
            route(exchange, request);
        });
        server.start();
    }

    public static FakeBedrockUpstream start() {
        return new FakeBedrockUpstream();
    }

    /** {@code http://127.0.0.1:port}, what a Bedrock endpoint's base URL is. */
    public URI baseUrl() {
        return server.rootUrl();
    }

    public FakeBedrockUpstream addModel(String model) {
        models.add(model);
        return this;
    }

    public FakeBedrockUpstream enqueue(BedrockBehaviour... behaviours) {
        server.enqueue(List.of(behaviours));
        return this;
    }

    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public RecordedRequest lastRequest() {
        return server.lastRequest();
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
        return BedrockAnswers.vector(input);
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        var path = PATH.matcher(request.path());
        if (!path.matches()) {
            error(exchange, 404, "UnknownOperationException", "Unknown operation.");
            return;
        }
        if (!request.method().equals("POST")) {
            error(exchange, 405, "UnknownOperationException", "Method not allowed.");
            return;
        }
        if (!authorized(exchange, request)) {
            return;
        }
        var root = FakeServer.jsonObject(request.body());
        if (root == null) {
            error(exchange, 400, "ValidationException", "Malformed input request, please reformat your input and "
                    + "try again.");
            return;
        }
        var model = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        var operation = path.group(2);
        if (!models.contains(model.substring(model.lastIndexOf('/') + 1))) {
            error(exchange, 400, "ValidationException", "The provided model identifier is invalid.");
            return;
        }
        var problem = operation.equals("invoke") ? invokeProblem(model, root) : BedrockAnswers.converseProblem(root);
        if (problem != null) {
            error(exchange, 400, "ValidationException", problem);
            return;
        }
        var scripted = server.nextBehaviour();
        if (scripted != null) {
            play(exchange, scripted, operation, model, root);
            return;
        }
        echo(exchange, operation, model, root);
    }

    private boolean authorized(HttpExchange exchange, RecordedRequest request) throws IOException {
        var auth = request.header("authorization").orElse("");
        if (auth.startsWith("Bearer ")) {
            if (auth.substring(7).equals(BEARER)) {
                return true;
            }
            error(exchange, 403, "UnrecognizedClientException", "Invalid API Key format: Must start with pre-defined "
                    + "prefix");
            return false;
        }
        var token = request.header("x-amz-security-token").isPresent() ? SESSION_TOKEN : null;
        var rejection = BedrockSignatureCheck.check(request, server.host(), ACCESS_KEY_ID, SECRET, token, REGION);
        if (rejection != null) {
            error(exchange, rejection.status(), rejection.errorType(), rejection.message());
            return false;
        }
        return true;
    }

    private static String invokeProblem(String model, JsonNode root) {
        if (model.contains("cohere.embed")) {
            if (!root.path("texts").isArray() || root.path("texts").isEmpty() || root.path("texts").size() > 96) {
                return "Malformed input request: #/texts: expected minimum item count: 1, maximum 96, please "
                        + "reformat your input and try again.";
            }
            if (!root.path("input_type").isTextual()) {
                return "Malformed input request: #: required key [input_type] not found, please reformat your input "
                        + "and try again.";
            }
            return null;
        }
        if (model.contains("titan-embed-text")) {
            return root.path("inputText").isTextual() ? null
                    : "Malformed input request: #: required key [inputText] not found, please reformat your input "
                            + "and try again.";
        }
        return "The provided model doesn't support on-demand throughput.";
    }

    private void play(HttpExchange exchange, BedrockBehaviour behaviour, String operation, String model,
            JsonNode root) throws IOException {
        switch (behaviour) {
            case BedrockBehaviour.Reply reply -> {
                FakeServer.addHeaders(exchange, reply.headers());
                json(exchange, reply.status(), null, reply.json());
            }
            case BedrockBehaviour.Stream stream -> stream(exchange, stream.frames(), stream.delayMillis());
            case BedrockBehaviour.Hang hang -> {
                if (FakeServer.pause(hang.millis())) {
                    echo(exchange, operation, model, root);
                }
            }
        }
    }

    private void echo(HttpExchange exchange, String operation, String model, JsonNode root) throws IOException {
        switch (operation) {
            case "converse" -> json(exchange, 200, null, BedrockAnswers.converse(root));
            case "converse-stream" -> stream(exchange, BedrockAnswers.converseStream(root), 0);
            default -> {
                var answer = FakeAnswers.JSON.createObjectNode();
                if (model.contains("cohere")) {
                    var embeddings = answer.putArray("embeddings");
                    int tokens = 0;
                    for (var text : root.path("texts")) {
                        var vector = embeddings.addArray();
                        for (float f : BedrockAnswers.vector(text.asText())) {
                            vector.add(f);
                        }
                        tokens += FakeAnswers.words(text.asText());
                    }
                    answer.put("id", "emb-fake").put("response_type", "embeddings_floats");
                    answer.set("texts", root.path("texts"));
                    exchange.getResponseHeaders().add("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(tokens));
                } else {
                    var text = root.path("inputText").asText();
                    BedrockAnswers.vectorNode(answer, "embedding", text);
                    answer.put("inputTextTokenCount", FakeAnswers.words(text));
                }
                json(exchange, 200, null, answer.toString());
            }
        }
    }

    private void stream(HttpExchange exchange, List<byte[]> frames, long delayMillis) throws IOException {
        server.stream(exchange, "application/vnd.amazon.eventstream", frames, delayMillis);
    }

    private static void error(HttpExchange exchange, int status, String errorType, String message)
            throws IOException {
        json(exchange, status, errorType, FakeAnswers.JSON.createObjectNode().put("message", message).toString());
    }

    private static void json(HttpExchange exchange, int status, String errorType, String json) throws IOException {
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType
                    + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
        }
        // Bedrock answers an empty body with no body at all, not an empty chunked one
        FakeServer.send(exchange, status, "application/json", json == null || json.isEmpty() ? null : json);
    }

    @Override
    public void close() {
        server.close();
    }
}

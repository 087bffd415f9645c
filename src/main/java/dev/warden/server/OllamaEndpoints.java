package dev.warden.server;

import dev.warden.api.ollama.OllamaChatStream;
import dev.warden.api.ollama.OllamaCodec;
import dev.warden.api.ollama.OllamaGenerateStream;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.io.OutputStream;

/**
 * The Ollama dialect: {@code /api/chat}, {@code /api/generate}, {@code /api/embed}, {@code /api/embeddings},
 * {@code /api/tags}, {@code /api/show} and {@code /api/version}. Unlike a bare Ollama, Warden requires the key on
 * every call but {@code /api/version} (Ollama clients pass it as a bearer header).
 */
final class OllamaEndpoints implements Surface {
    /** The Ollama version /api/version reports; clients compare it with their own to enable features. */
    static final String REPORTED_VERSION = "0.12.0";
    private static final String GENERATE = "/api/generate";
    private static final String LEGACY_EMBEDDINGS = "/api/embeddings";

    private final OllamaCodec codec;
    private final CallRunner calls;
    private final JsonBodies bodies;

    OllamaEndpoints(OllamaCodec codec, CallRunner calls, JsonBodies bodies) {
        this.codec = codec;
        this.calls = calls;
        this.bodies = bodies;
    }

    void register(HttpRouting.Builder routing) {
        routing.route(Method.GET, "/api/version", (req, res) -> {
            res.header("Content-Type", "application/json");
            res.send(codec.encodeVersion(REPORTED_VERSION));
        });
        new Routes(routing, this, calls, bodies)
                .post("/api/chat", body -> chat(codec.decodeChat(body)))
                .post(GENERATE, body -> chat(codec.decodeGenerate(body)))
                .post("/api/embed", body -> new Operation.Embeddings(codec.decodeEmbed(body)))
                .post(LEGACY_EMBEDDINGS, body -> new Operation.Embeddings(codec.decodeLegacyEmbeddings(body)))
                .post("/api/show", body -> new Operation.GetModel(codec.decodeShowModel(body)))
                .get("/api/tags", req -> new Operation.ListModels());
    }

    private Operation chat(ChatRequest request) {
        return codec.isLoadOnly(request) ? new Operation.Preload(request) : new Operation.Chat(request);
    }

    @Override
    public String dialect() {
        return OllamaCodec.DIALECT;
    }

    @Override
    public byte[] errorBody(ApiError error) {
        return codec.encodeError(error);
    }

    @Override
    public byte[] replyBody(Exchange exchange, Reply reply) {
        boolean generate = exchange.endpoint().equals(GENERATE);
        return switch (reply) {
            case Reply.Chat(var response) -> generate ? codec.encodeGenerate(response) : codec.encodeChat(response);
            case Reply.Embeddings(var response) -> exchange.endpoint().equals(LEGACY_EMBEDDINGS)
                    ? codec.encodeLegacyEmbeddings(response) : codec.encodeEmbed(response);
            case Reply.Models(var models) -> codec.encodeTags(models);
            case Reply.Model(var model) -> codec.encodeShow(model);
            case Reply.Local(Operation.Preload(var request)) ->
                    generate ? codec.encodeGenerateLoad(request) : codec.encodeChatLoad(request);
            case Reply.Failure(var error) -> codec.encodeError(error);
            default -> throw new IllegalArgumentException("no Ollama body for " + reply.getClass().getSimpleName());
        };
    }

    @Override
    public StreamWriter streamWriter(Exchange exchange, OutputStream out) {
        var model = exchange.requireOperation().model().orElse("");
        if (exchange.endpoint().equals(GENERATE)) {
            var stream = OllamaGenerateStream.create(codec, out, model);
            return StreamWriters.of(OllamaCodec.STREAM_CONTENT_TYPE, stream, stream::finish);
        }
        var stream = OllamaChatStream.create(codec, out, model);
        return StreamWriters.of(OllamaCodec.STREAM_CONTENT_TYPE, stream, stream::finish);
    }
}

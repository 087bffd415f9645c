package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.api.wire.DialectJson;
import dev.warden.api.wire.JsonBody;
import dev.warden.api.wire.JsonWriter;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.RawJson;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Ollama API as clients speak it: decodes request bodies into the canonical model and encodes answers into the
 * JSON Ollama's clients parse. Decoding failures are thrown as {@link dev.warden.llm.ApiException} carrying an
 * {@link ApiError.InvalidRequest} whose message names the field; {@link #encodeError} renders any error as Ollama's
 * {@code {"error": "..."}}. Thread-safe; build one and share it.
 *
 * <p>The clock stamps {@code created_at} on every answer and line, as Ollama stamps the time of writing.
 */
public final class OllamaCodec {
    /** The name of this dialect, and of the extra fields it passes through ({@code ChatRequest.extraDialect}). */
    public static final String DIALECT = "ollama";


    /** The NDJSON media type of streamed answers; single answers are {@code application/json}. */
    public static final String STREAM_CONTENT_TYPE = "application/x-ndjson";

    /**
     * What {@link #encodeShow(ModelInfo)} advertises. A gateway does not know what an upstream model can do; text
     * completion and tools are what every routed chat model is expected to serve, and a client that sends images
     * anyway gets the upstream's answer, not a silent drop.
     */
    public static final List<String> DEFAULT_CAPABILITIES = List.of("completion", "tools");

    /** Jackson's default cap on one string (20M chars) is below a large base64 image; the body limit is the bound. */

    private final ObjectMapper mapper;
    private final JsonWriter json;
    private final InstantSource clock;

    private OllamaCodec(ObjectMapper mapper, InstantSource clock) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.json = JsonWriter.of(mapper.getFactory());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static OllamaCodec create(InstantSource clock) {
        JsonFactory factory = DialectJson.factory();
        return new OllamaCodec(JsonMapper.builder(factory).build(), clock);
    }

    /** POST /api/chat. No messages means Ollama's "load the model" request: see {@link #isLoadOnly}. */
    public ChatRequest decodeChat(byte[] body) {
        return ChatRequestDecoder.decode(mapper, body);
    }

    /** POST /api/generate, decoded as a chat (optional system message, one user message); see {@link #encodeGenerate}. */
    public ChatRequest decodeGenerate(byte[] body) {
        return GenerateRequestDecoder.decode(mapper, body);
    }

    /** POST /api/embed. */
    public EmbeddingRequest decodeEmbed(byte[] body) {
        return EmbedRequestDecoder.decode(mapper, body);
    }

    /** Legacy POST /api/embeddings ({@code prompt}: one string). */
    public EmbeddingRequest decodeLegacyEmbeddings(byte[] body) {
        return EmbedRequestDecoder.decodeLegacy(mapper, body);
    }

    /**
     * POST /api/show: the model name from {@code model}, or the deprecated {@code name} that older clients send.
     * Show's other fields ({@code verbose}, {@code system}, {@code template}, {@code options}) only change which
     * Modelfile details Ollama prints, which a gateway does not have, so they have no effect.
     */
    public String decodeShowModel(byte[] body) {
        ObjectFields f = RequestBody.parse(RequestErrors.WORDING, mapper, body, Set.of("model", "name")).fields();
        String model = f.nonEmptyString("model");
        if (model == null) {
            model = f.nonEmptyString("name");
        }
        if (model == null || model.isBlank()) {
            throw RequestErrors.missing("model");
        }
        return model;
    }

    /**
     * A decoded chat or generate request with no messages: Ollama's way of asking to load (or, with
     * {@code keep_alive: 0}, unload) a model. The server answers it with {@link #encodeChatLoad} or
     * {@link #encodeGenerateLoad} without calling an upstream; the ollama CLI sends one before every session.
     */
    public boolean isLoadOnly(ChatRequest request) {
        return request.messages().isEmpty();
    }

    public byte[] encodeChatLoad(ChatRequest request) {
        return bytes(g -> AnswerEncoder.loaded(g, request.model(), now(), true, unloads(request)));
    }

    public byte[] encodeGenerateLoad(ChatRequest request) {
        return bytes(g -> AnswerEncoder.loaded(g, request.model(), now(), false, unloads(request)));
    }

    /** A non-streamed /api/chat answer with every duration 0. */
    public byte[] encodeChat(ChatResponse response) {
        return encodeChat(response, OllamaTimings.NONE);
    }

    public byte[] encodeChat(ChatResponse response, OllamaTimings timings) {
        return bytes(g -> AnswerEncoder.chat(g, mapper, response.model(), now(), response, timings));
    }

    /** A non-streamed /api/generate answer with every duration 0. */
    public byte[] encodeGenerate(ChatResponse response) {
        return encodeGenerate(response, OllamaTimings.NONE);
    }

    public byte[] encodeGenerate(ChatResponse response, OllamaTimings timings) {
        return bytes(g -> AnswerEncoder.generate(g, response.model(), now(), response, timings));
    }

    public byte[] encodeEmbed(EmbeddingResponse response) {
        return bytes(g -> EmbedResponseEncoder.embed(g, response.model(), response));
    }

    public byte[] encodeLegacyEmbeddings(EmbeddingResponse response) {
        return bytes(g -> EmbedResponseEncoder.legacy(g, response));
    }

    /** GET /api/tags. */
    public byte[] encodeTags(List<ModelInfo> models) {
        return bytes(g -> ModelEncoder.tags(g, models));
    }

    /** POST /api/show, advertising {@link #DEFAULT_CAPABILITIES}. */
    public byte[] encodeShow(ModelInfo model) {
        return encodeShow(model, DEFAULT_CAPABILITIES);
    }

    /** @param capabilities Ollama's words: "completion", "tools", "vision", "thinking", "embedding", "insert" */
    public byte[] encodeShow(ModelInfo model, List<String> capabilities) {
        return bytes(g -> ModelEncoder.show(g, model, capabilities));
    }

    /** GET /api/version. */
    public byte[] encodeVersion(String version) {
        return bytes(g -> ModelEncoder.version(g, version));
    }

    /** Ollama's error body for any status; the HTTP status itself is {@link ApiError#status()}. */
    public byte[] encodeError(ApiError error) {
        return bytes(g -> ErrorLine.write(g, error));
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Instant now() {
        return clock.instant();
    }

    /** {@code keep_alive} of 0 (a number, or a duration string such as "0" or "0s") unloads the model. */
    private boolean unloads(ChatRequest request) {
        RawJson keepAlive = request.extra().get("keep_alive");
        if (keepAlive == null) {
            return false;
        }
        try {
            JsonNode value = mapper.readTree(keepAlive.json());
            if (value.isNumber()) {
                return value.doubleValue() == 0;
            }
            return value.isTextual() && value.textValue().matches("0+(\\.0*)?[a-z]*");
        } catch (IOException e) {
            return false;
        }
    }

    private byte[] bytes(JsonBody body) {
        return json.bytes(body);
    }

    /** The writer the stream channels share, so stream events and whole answers are written alike. */
    JsonWriter json() {
        return json;
    }
}

package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.api.wire.DialectJson;
import dev.warden.api.wire.JsonBody;
import dev.warden.api.wire.JsonWriter;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.ModelInfo;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAI dialect as clients speak it: decodes request bodies into the canonical model and encodes answers
 * into the exact JSON the official SDKs parse. Decoding failures are thrown as {@link dev.warden.llm.ApiException}
 * carrying an OpenAI-worded {@link ApiError.InvalidRequest}. Thread-safe; build one and share it.
 */
public final class OpenAiCodec {


    private final ObjectMapper mapper;
    private final JsonWriter json;

    private OpenAiCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.json = JsonWriter.of(mapper.getFactory());
    }

    public static OpenAiCodec create() {
        JsonFactory factory = DialectJson.factory();
        return new OpenAiCodec(JsonMapper.builder(factory).build());
    }

    /** POST /v1/chat/completions. */
    public ChatRequest decodeChat(byte[] body) {
        return ChatRequestDecoder.decode(mapper, body);
    }

    public byte[] encodeChat(ChatResponse response) {
        return bytes(g -> ChatResponseEncoder.write(g, response));
    }

    /** Legacy POST /v1/completions. */
    public CompletionRequest decodeCompletion(byte[] body) {
        return CompletionRequestDecoder.decode(mapper, body);
    }

    public byte[] encodeCompletion(CompletionResponse response) {
        return bytes(g -> CompletionResponseEncoder.write(g, response));
    }

    /** POST /v1/embeddings. */
    public EmbeddingRequest decodeEmbeddings(byte[] body) {
        return EmbeddingRequestDecoder.decode(mapper, body);
    }

    /** @param encodingFormat the request's {@code encoding_format}; "base64" packs vectors as float32 LE bytes */
    public byte[] encodeEmbeddings(EmbeddingResponse response, @Nullable String encodingFormat) {
        return bytes(g -> EmbeddingResponseEncoder.write(g, response, encodingFormat));
    }

    /** GET /v1/models. */
    public byte[] encodeModels(List<ModelInfo> models) {
        return bytes(g -> ModelEncoder.writeList(g, models));
    }

    /** GET /v1/models/{model}. */
    public byte[] encodeModel(ModelInfo model) {
        return bytes(g -> ModelEncoder.write(g, model));
    }

    /** The error body for any status; the HTTP status itself is {@link ApiError#status()}. */
    public byte[] encodeError(ApiError error) {
        return bytes(g -> ErrorEncoder.write(g, error));
    }

    JsonFactory jsonFactory() {
        return mapper.getFactory();
    }

    private byte[] bytes(JsonBody body) {
        return json.bytes(body);
    }

    /** The writer the stream channels share, so stream events and whole answers are written alike. */
    JsonWriter json() {
        return json;
    }
}

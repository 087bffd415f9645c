package dev.warden.api.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.api.wire.DialectJson;
import dev.warden.api.wire.JsonBody;
import dev.warden.api.wire.JsonWriter;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import java.util.Objects;

/**
 * The Anthropic Messages API as clients speak it: decodes request bodies into the canonical model and encodes
 * answers and errors into the JSON the official SDKs parse. Decoding failures are thrown as {@link
 * dev.warden.llm.ApiException} carrying an Anthropic-worded {@link ApiError.InvalidRequest} (render it with {@link
 * #encodeError}). Thread-safe; build one and share it.
 */
public final class AnthropicCodec {
    /** The name of this dialect, and of the extra fields it passes through ({@code ChatRequest.extraDialect}). */
    public static final String DIALECT = "anthropic";



    private final ObjectMapper mapper;
    private final JsonWriter json;

    private AnthropicCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.json = JsonWriter.of(mapper.getFactory());
    }

    public static AnthropicCodec create() {
        JsonFactory factory = DialectJson.factory();
        // Decimals are kept as written, so tool inputs and schemas reach the upstream with their exact numbers.
        return new AnthropicCodec(JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build());
    }

    /** POST /v1/messages. {@code max_tokens} is required, as at Anthropic. */
    public ChatRequest decodeMessages(byte[] body) {
        return MessagesRequestDecoder.decodeMessages(mapper, body);
    }

    /**
     * POST /v1/messages/count_tokens: the prompt fields of a Messages request (no {@code max_tokens}, sampling or
     * {@code stream}). The result carries {@link dev.warden.llm.Sampling#DEFAULTS} and {@code stream = false}.
     */
    public ChatRequest decodeCountTokens(byte[] body) {
        return MessagesRequestDecoder.decodeCountTokens(mapper, body);
    }

    /** The count_tokens answer, {@code {"input_tokens": n}}. */
    public byte[] encodeTokenCount(long inputTokens) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("input_tokens", inputTokens);
            g.writeEndObject();
        });
    }

    /**
     * Warden's own estimate of a request's input tokens, for count_tokens while it is not forwarded to an upstream
     * that counts exactly (that comes with the Anthropic provider). The method is documented in {@link
     * TokenEstimator}: characters / 4 plus a per-message overhead, images by Anthropic's published formula.
     */
    public long estimateInputTokens(ChatRequest request) {
        return TokenEstimator.estimate(request);
    }

    public byte[] encodeMessage(ChatResponse response) {
        return bytes(g -> MessageEncoder.write(g, mapper, response));
    }

    /** The error body for any status; the HTTP status itself is {@link ApiError#status()}. */
    public byte[] encodeError(ApiError error) {
        return bytes(g -> ErrorEncoder.write(g, error));
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private byte[] bytes(JsonBody body) {
        return json.bytes(body);
    }

    /** The writer the stream channels share, so stream events and whole answers are written alike. */
    JsonWriter json() {
        return json;
    }
}

package dev.warden.server;

import dev.warden.api.anthropic.AnthropicCodec;
import dev.warden.api.anthropic.AnthropicMessageStream;
import dev.warden.llm.ApiError;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import io.helidon.webserver.http.HttpRouting;
import java.io.OutputStream;

/**
 * The Anthropic Messages dialect: {@code POST /v1/messages} (Claude Code adds {@code ?beta=true}, which routing
 * ignores) and {@code POST /v1/messages/count_tokens}. Keys come as {@code x-api-key} or a bearer token; the
 * {@code anthropic-version} header is accepted whatever its value, since the canonical model is version-free.
 */
final class AnthropicEndpoints implements Surface {
    private final AnthropicCodec codec;
    private final CallRunner calls;
    private final JsonBodies bodies;

    AnthropicEndpoints(AnthropicCodec codec, CallRunner calls, JsonBodies bodies) {
        this.codec = codec;
        this.calls = calls;
        this.bodies = bodies;
    }

    void register(HttpRouting.Builder routing) {
        new Routes(routing, this, calls, bodies)
                .post("/v1/messages/count_tokens",
                        body -> new Operation.CountTokens(codec.decodeCountTokens(body)))
                .post("/v1/messages", body -> new Operation.Chat(codec.decodeMessages(body)));
    }

    @Override
    public String dialect() {
        return AnthropicCodec.DIALECT;
    }

    @Override
    public byte[] errorBody(ApiError error) {
        return codec.encodeError(error);
    }

    @Override
    public byte[] replyBody(Exchange exchange, Reply reply) {
        return switch (reply) {
            case Reply.Chat(var response) -> codec.encodeMessage(response);
            case Reply.Local(Operation.CountTokens(var request)) ->
                    codec.encodeTokenCount(codec.estimateInputTokens(request));
            case Reply.Failure(var error) -> codec.encodeError(error);
            default -> throw new IllegalArgumentException("no Anthropic body for " + reply.getClass().getSimpleName());
        };
    }

    @Override
    public StreamWriter streamWriter(Exchange exchange, OutputStream out) {
        var stream = AnthropicMessageStream.create(codec, out);
        return StreamWriters.of(AnthropicMessageStream.CONTENT_TYPE, stream, stream::finish);
    }
}

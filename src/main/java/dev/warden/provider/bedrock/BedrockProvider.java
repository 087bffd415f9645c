package dev.warden.provider.bedrock;

import dev.warden.provider.UnsupportedParams;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.CompletionAsChat;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Provider;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.UpstreamResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A deployment on AWS Bedrock: chat through Converse and ConverseStream, legacy completions as a one-message
 * Converse chat, embeddings through InvokeModel for Cohere and Titan. Translation is done by this package's pure
 * translators; the only I/O is the given {@link UpstreamClient}.
 *
 * <p>Converse answers carry no id: the answer id is Bedrock's {@code x-amzn-requestid}, or an id from the
 * injected source when the header is missing.
 */
public final class BedrockProvider implements Provider {
    private final Endpoint endpoint;
    private final BedrockSettings settings;
    private final InstantSource clock;
    private final Supplier<String> ids;
    private final BedrockTransport transport;

    private BedrockProvider(Endpoint endpoint, BedrockSettings settings, UpstreamClient client, InstantSource clock,
            Supplier<String> ids) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.transport = new BedrockTransport(endpoint, settings, Objects.requireNonNull(client, "client"), clock);
    }

    public static BedrockProvider create(Endpoint endpoint, BedrockSettings settings, UpstreamClient client,
            InstantSource clock) {
        return new BedrockProvider(endpoint, settings, client, clock, () -> "bedrock-" + UUID.randomUUID());
    }

    /** For tests that pin the ids of answers Bedrock sent no request id for. */
    static BedrockProvider create(Endpoint endpoint, BedrockSettings settings, UpstreamClient client,
            InstantSource clock, Supplier<String> ids) {
        return new BedrockProvider(endpoint, settings, client, clock, ids);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        var call = ConverseRequestWire.toWire(request, settings.defaultMaxTokens(), unsupported(notes));
        var id = new String[1];
        var body = transport.call(ModelPath.converse(request.model()), call.body(), notes,
                response -> id[0] = answerId(response));
        try {
            return ConverseResponseWire.fromWire(body, id[0], request.model(), clock.instant().getEpochSecond(),
                    call.jsonTool());
        } catch (IOException | RuntimeException e) {
            throw BedrockTransport.malformed(e);
        }
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        var call = ConverseRequestWire.toWire(request, settings.defaultMaxTokens(), unsupported(notes));
        var response = transport.send(ModelPath.converseStream(request.model()), call.body(), true, notes);
        try (response) {
            var decoder = new ConverseStreamDecoder(sink, transport.scrubber(), answerId(response), request.model(),
                    clock.instant().getEpochSecond(), call.jsonTool());
            var reader = new EventStreamReader(response.body());
            try {
                for (var frame = reader.next(); frame != null; frame = reader.next()) {
                    var outcome = decoder.accept(frame);
                    if (outcome != null) {
                        return outcome;
                    }
                }
                return decoder.endOfBody(response.idleTimedOut());
            } catch (EventStreamException e) {
                return response.idleTimedOut() ? decoder.endOfBody(true) : decoder.broken(e);
            } catch (IOException e) {
                return decoder.endOfBody(response.idleTimedOut());
            } catch (ClientGoneException e) {
                response.close(); // first of all: closing the body is what stops the upstream generating
                return new StreamOutcome.ClientGone(decoder.usage());
            }
        }
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest asked, CallNotes notes) {
        var family = EmbeddingWire.family(asked.model());
        var request = EmbeddingWire.validate(asked, family, unsupported(notes));
        var data = new ArrayList<Embedding>(request.inputs().size());
        long tokens = 0;
        var path = ModelPath.invoke(request.model());
        switch (family) {
            case COHERE -> {
                for (int from = 0; from < request.inputs().size(); from += EmbeddingWire.COHERE_BATCH) {
                    var batch = request.inputs().subList(from,
                            Math.min(request.inputs().size(), from + EmbeddingWire.COHERE_BATCH));
                    var counted = new long[1];
                    var body = transport.call(path, EmbeddingWire.cohereRequest(batch, request), notes,
                            response -> counted[0] = inputTokenCount(response));
                    List<float[]> vectors;
                    try {
                        vectors = EmbeddingWire.cohereResponse(body);
                    } catch (IOException | RuntimeException e) {
                        throw BedrockTransport.malformed(e);
                    }
                    if (vectors.size() != batch.size()) {
                        throw BedrockTransport.malformed(new IOException("expected " + batch.size()
                                + " embeddings, got " + vectors.size()));
                    }
                    for (var vector : vectors) {
                        data.add(new Embedding(data.size(), vector));
                    }
                    tokens += counted[0];
                }
            }
            case TITAN -> {
                for (var input : request.inputs()) {
                    var body = transport.call(path, EmbeddingWire.titanRequest(input, request), notes,
                            BedrockTransport.Answer.IGNORE);
                    try {
                        var answer = EmbeddingWire.titanResponse(body);
                        data.add(new Embedding(data.size(), answer.vector()));
                        tokens += answer.tokens();
                    } catch (IOException | RuntimeException e) {
                        throw BedrockTransport.malformed(e);
                    }
                }
            }
        }
        return new EmbeddingResponse(request.model(), data, Usage.of(tokens, 0));
    }

    /**
     * Legacy completions go through Converse with the prompt as the one user message: Bedrock's text-completion
     * bodies differ per model family, Converse is the one shape they all take. One prompt per call.
     */
    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        return CompletionAsChat.fromChat(chat(asChat(request), notes));
    }

    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        return streamChat(asChat(request), sink, notes);
    }

    private static ChatRequest asChat(CompletionRequest request) {
        return CompletionAsChat.toChat(request, "AWS Bedrock completions take exactly one prompt per request.");
    }

    /** What the deployment's {@code drop_unsupported_params} lets the translators drop, reported into the notes. */
    private UnsupportedParams unsupported(CallNotes notes) {
        return new UnsupportedParams(endpoint.dropUnsupportedParams(), notes);
    }

    private String answerId(UpstreamResponse response) {
        return response.header("x-amzn-requestid").filter(id -> !id.isBlank()).orElseGet(ids);
    }

    private static long inputTokenCount(UpstreamResponse response) {
        try {
            return Long.parseLong(response.header("x-amzn-bedrock-input-token-count").orElse("0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "BedrockProvider[" + endpoint.name() + ", " + settings + "]";
    }
}

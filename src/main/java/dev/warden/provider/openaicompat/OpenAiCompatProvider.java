package dev.warden.provider.openaicompat;

import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Provider;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.StreamPump;
import dev.warden.provider.UpstreamAnswers;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.UpstreamRequest;
import dev.warden.provider.UpstreamResponse;
import java.net.URI;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A deployment on an upstream that speaks the OpenAI wire format; its {@link Dialect} carries the upstream's simple
 * differences. Translation is done by this package's pure translators; the only I/O is the given
 * {@link UpstreamClient}.
 */
public final class OpenAiCompatProvider implements Provider {

    private final Endpoint endpoint;
    private final Dialect dialect;
    private final UpstreamClient client;
    private final Addressing addressing;
    private final InstantSource clock;
    private final Scrubber scrubber;
    /** The request headers are the same for every call, so they are built once: for answers and for streams. */
    private final Map<String, String> answerHeaders;
    private final Map<String, String> streamHeaders;
    /** The last URI per operation, with the model it was built for: a deployment is nearly always asked for one. */
    private final AtomicReferenceArray<BuiltUri> uris =
            new AtomicReferenceArray<>(Addressing.Operation.values().length);

    private record BuiltUri(String model, URI uri) {}

    private OpenAiCompatProvider(Endpoint endpoint, Dialect dialect, UpstreamClient client, Addressing addressing,
            InstantSource clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.client = Objects.requireNonNull(client, "client");
        this.addressing = Objects.requireNonNull(addressing, "addressing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scrubber = Scrubber.of(endpoint);
        this.answerHeaders = headers(endpoint, addressing, "application/json");
        this.streamHeaders = headers(endpoint, addressing, "text/event-stream");
    }

    private static Map<String, String> headers(Endpoint endpoint, Addressing addressing, String accept) {
        var headers = new HashMap<>(endpoint.headers());
        headers.putAll(addressing.authHeaders(endpoint));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        return Map.copyOf(headers);
    }

    /** An upstream addressed the OpenAI way: {@code {baseUrl}/chat/completions}, bearer token. */
    public static OpenAiCompatProvider create(Endpoint endpoint, Dialect dialect, UpstreamClient client) {
        return create(endpoint, dialect, client, Addressing.bearer());
    }

    /** An upstream with its own URLs and credential header (Azure OpenAI). */
    public static OpenAiCompatProvider create(Endpoint endpoint, Dialect dialect, UpstreamClient client,
            Addressing addressing) {
        return new OpenAiCompatProvider(endpoint, dialect, client, addressing, InstantSource.system());
    }

    /** For tests that pin the clock used to read {@code Retry-After} dates. */
    static OpenAiCompatProvider create(Endpoint endpoint, Dialect dialect, UpstreamClient client,
            Addressing addressing, InstantSource clock) {
        return new OpenAiCompatProvider(endpoint, dialect, client, addressing, clock);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        var body = ChatRequestWire.toWire(request, false, dialect, notes, endpoint.dropUnsupportedParams());
        return call(Addressing.Operation.CHAT, request.model(), body, notes, ChatResponseWire::fromWire);
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        var body = ChatRequestWire.toWire(request, true, dialect, notes, endpoint.dropUnsupportedParams());
        return stream(Addressing.Operation.CHAT, request.model(), body, sink, notes);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes) {
        if (!dialect.supportsEmbeddings()) {
            throw Provider.unsupported(name(), "embeddings");
        }
        var body = EmbeddingWire.toWire(request, notes, endpoint.dropUnsupportedParams());
        return call(Addressing.Operation.EMBEDDINGS, request.model(), body, notes, EmbeddingWire::fromWire);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        if (!dialect.supportsCompletions()) {
            throw Provider.unsupported(name(), "text completions");
        }
        var body = CompletionWire.toWire(request, false, false, notes, endpoint.dropUnsupportedParams());
        return call(Addressing.Operation.COMPLETIONS, request.model(), body, notes, CompletionWire::fromWire);
    }

    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        if (!dialect.supportsCompletions()) {
            throw Provider.unsupported(name(), "text completions");
        }
        var body = CompletionWire.toWire(request, true, dialect.supportsStreamUsage(), notes,
                endpoint.dropUnsupportedParams());
        return stream(Addressing.Operation.COMPLETIONS, request.model(), body, sink, notes);
    }

    private <T> T call(Addressing.Operation operation, String model, byte[] body, CallNotes notes,
            UpstreamAnswers.Decoder<T> decoder) {
        return UpstreamAnswers.decode(send(operation, model, body, false, notes), decoder);
    }

    private StreamOutcome stream(Addressing.Operation operation, String model, byte[] body, StreamSink sink,
            CallNotes notes) {
        var response = send(operation, model, body, true, notes);
        return StreamPump.run(response, new SseReader(response.body()), new StreamDecoder(sink, scrubber), notes);
    }

    /** Sends the call; a non-2xx answer is read, closed and thrown as a client-safe error. */
    private UpstreamResponse send(Addressing.Operation operation, String model, byte[] body, boolean stream,
            CallNotes notes) {
        var request = UpstreamRequest.postJson(uri(operation, model), stream ? streamHeaders : answerHeaders, body,
                endpoint.timeouts());
        var response = client.send(request);
        notes.upstreamStatus(response.status());
        notes.upstreamRequestId(response.header("x-request-id").or(() -> response.header("apim-request-id"))
                .orElse(null));
        if (!response.ok()) {
            try (response) {
                throw new ApiException(ErrorWire.fromWire(response.status(),
                        UpstreamAnswers.errorBody(response.body()), response.header("retry-after").orElse(null),
                        clock.instant(), scrubber));
            }
        }
        return response;
    }

    private URI uri(Addressing.Operation operation, String model) {
        var built = uris.get(operation.ordinal());
        if (built == null || !built.model().equals(model)) {
            built = new BuiltUri(model, addressing.uri(endpoint, operation, model));
            uris.set(operation.ordinal(), built);
        }
        return built.uri();
    }

    @Override
    public String toString() {
        return "OpenAiCompatProvider[" + endpoint.name() + ", dialect=" + dialect.name() + "]";
    }
}

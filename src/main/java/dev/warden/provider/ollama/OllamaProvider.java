package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Provider;
import dev.warden.provider.Scrubber;
import dev.warden.provider.StreamPump;
import dev.warden.provider.UpstreamAnswers;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.UpstreamRequest;
import dev.warden.provider.UpstreamResponse;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A deployment on an Ollama server, spoken to in Ollama's native API ({@code {baseUrl}/api/chat}, {@code /api/embed},
 * {@code /api/generate}, {@code /api/tags}). {@code baseUrl} is the server root ({@code http://127.0.0.1:11434});
 * an API key, when set, goes out as a bearer token (for Ollama behind an auth proxy, or ollama.com).
 *
 * <p>{@code stream} is always sent explicitly: Ollama streams when it is absent, so a "whole answer" request that
 * forgot it would get NDJSON back. Ids are injected because Ollama's answers carry none; the clock stands in for a
 * missing {@code created_at}.
 */
public final class OllamaProvider implements Provider {
    private static final String NDJSON = "application/x-ndjson";

    private final Endpoint endpoint;
    private final OllamaSettings settings;
    private final UpstreamClient client;
    private final Supplier<String> ids;
    private final InstantSource clock;
    private final Scrubber scrubber;

    private OllamaProvider(Endpoint endpoint, OllamaSettings settings, UpstreamClient client, Supplier<String> ids,
            InstantSource clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scrubber = Scrubber.of(endpoint);
    }

    public static OllamaProvider create(Endpoint endpoint, OllamaSettings settings, UpstreamClient client,
            Supplier<String> ids, InstantSource clock) {
        return new OllamaProvider(endpoint, settings, client, ids, clock);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        var body = ChatRequestWire.toWire(request, false, settings, unsupported(notes));
        return call("/api/chat", body, notes, bytes -> ChatResponseWire.fromWire(bytes, ids, nowSeconds()));
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        var body = ChatRequestWire.toWire(request, true, settings, unsupported(notes));
        return stream("/api/chat", body, sink, notes, StreamDecoder.Endpoint.CHAT);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes) {
        var body = EmbedWire.toWire(request, settings, unsupported(notes));
        return call("/api/embed", body, notes, EmbedWire::fromWire);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        var body = GenerateWire.toWire(request, false, settings, unsupported(notes));
        return call("/api/generate", body, notes, bytes -> GenerateWire.fromWire(bytes, ids, nowSeconds()));
    }

    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        var body = GenerateWire.toWire(request, true, settings, unsupported(notes));
        return stream("/api/generate", body, sink, notes, StreamDecoder.Endpoint.GENERATE);
    }

    /**
     * The models the server has pulled ({@code GET /api/tags}), for model discovery.
     *
     * @throws ApiException when the server cannot be reached or answers with an error
     */
    public List<ModelInfo> discoverModels() {
        var request = UpstreamRequest.get(endpoint.resolve("/api/tags"), headers(false), endpoint.timeouts());
        return UpstreamAnswers.decode(checked(client.send(request), new CallNotes()), TagsWire::fromWire);
    }

    private <T> T call(String path, byte[] body, CallNotes notes, UpstreamAnswers.Decoder<T> decoder) {
        return UpstreamAnswers.decode(send(path, body, false, notes), decoder);
    }

    private StreamOutcome stream(String path, byte[] body, StreamSink sink, CallNotes notes,
            StreamDecoder.Endpoint kind) {
        var response = send(path, body, true, notes);
        return StreamPump.run(response, new NdjsonReader(response.body()),
                new StreamDecoder(sink, scrubber, ids, kind, nowSeconds()), notes);
    }

    private UpstreamResponse send(String path, byte[] body, boolean stream, CallNotes notes) {
        var request = UpstreamRequest.postJson(endpoint.resolve(path), headers(stream), body, endpoint.timeouts());
        return checked(client.send(request), notes);
    }

    /** Records the status; a non-2xx answer is read, closed and thrown as a client-safe error. */
    private UpstreamResponse checked(UpstreamResponse response, CallNotes notes) {
        notes.upstreamStatus(response.status());
        if (!response.ok()) {
            try (response) {
                throw new ApiException(ErrorWire.fromWire(response.status(),
                        UpstreamAnswers.errorBody(response.body()), response.header("retry-after").orElse(null),
                        clock.instant(), scrubber));
            }
        }
        return response;
    }

    private Map<String, String> headers(boolean stream) {
        var headers = new HashMap<>(endpoint.headers());
        if (endpoint.apiKey() != null) {
            headers.put("Authorization", "Bearer " + endpoint.apiKey());
        }
        headers.put("Content-Type", "application/json");
        headers.put("Accept", stream ? NDJSON : "application/json");
        return headers;
    }

    /** What the deployment's {@code drop_unsupported_params} lets the translators drop, reported into the notes. */
    private UnsupportedParams unsupported(CallNotes notes) {
        return new UnsupportedParams(endpoint.dropUnsupportedParams(), notes);
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    @Override
    public String toString() {
        return "OllamaProvider[" + endpoint.name() + "]";
    }
}

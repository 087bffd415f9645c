package dev.warden.provider.gemini;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.CompletionAsChat;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Provider;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.StreamPump;
import dev.warden.provider.UpstreamAnswers;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.UpstreamRequest;
import dev.warden.provider.UpstreamResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Gemini deployment, on the Generative Language API or on Vertex AI ({@link GeminiSettings}). Translation is
 * done by this package's pure translators; the only I/O is the given {@link UpstreamClient}. Tool-call ids (Gemini
 * gives none) and answer ids (when Gemini gives none) come from {@code ids}; timestamps from {@code clock}.
 */
public final class GeminiProvider implements Provider {
    /** Gemini generates one prompt per request: several prompts are a 400 rather than several calls. */
    private static final String ONE_PROMPT = "Gemini completes one prompt per request; send the prompts one at a time.";

    private final Endpoint endpoint;
    private final GeminiSettings settings;
    private final UpstreamClient client;
    private final Supplier<String> ids;
    private final InstantSource clock;
    private final GeminiAddressing addressing;
    private final Scrubber scrubber;

    private GeminiProvider(Endpoint endpoint, GeminiSettings settings, UpstreamClient client, Supplier<String> ids,
            InstantSource clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.addressing = new GeminiAddressing(settings);
        this.scrubber = Scrubber.of(endpoint);
    }

    public static GeminiProvider create(Endpoint endpoint, GeminiSettings settings, UpstreamClient client,
            Supplier<String> ids, InstantSource clock) {
        return new GeminiProvider(endpoint, settings, client, ids, clock);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    public GeminiSettings settings() {
        return settings;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        var body = ChatRequestWire.toWire(request, settings.flavor(), unsupported(notes));
        var bytes = call(GeminiAddressing.Method.GENERATE, request.model(), body, notes);
        return decode(() -> ChatResponseWire.fromWire(bytes, request.model(), ids, clock.instant().getEpochSecond()));
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        var body = ChatRequestWire.toWire(request, settings.flavor(), unsupported(notes));
        var response = send(GeminiAddressing.Method.STREAM, request.model(), body, true, notes);
        return StreamPump.run(response, new SseReader(response.body()),
                new StreamDecoder(sink, scrubber, ids, request.model(), clock.instant()), notes);
    }

    /**
     * The Generative Language API embeds several inputs in one batchEmbedContents call; Vertex AI's embedContent
     * takes one input, so several inputs are embedded one call after another, in order.
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes) {
        EmbeddingWire.check(request, unsupported(notes));
        var inputs = request.inputs();
        var data = new ArrayList<Embedding>(inputs.size());
        if (inputs.size() > 1 && settings.flavor() == GeminiSettings.Flavor.GENERATIVE_LANGUAGE) {
            var body = EmbeddingWire.batch(request, addressing.resourceName(request.model()));
            var bytes = call(GeminiAddressing.Method.BATCH_EMBED, request.model(), body, notes);
            var vectors = decode(() -> EmbeddingWire.fromBatch(bytes, inputs.size()));
            for (int i = 0; i < vectors.size(); i++) {
                data.add(new Embedding(i, vectors.get(i)));
            }
            return new EmbeddingResponse(request.model(), data, EmbeddingWire.estimate(inputs));
        }
        long reported = 0;
        boolean allReported = true;
        for (int i = 0; i < inputs.size(); i++) {
            var body = EmbeddingWire.single(request, inputs.get(i));
            var bytes = call(GeminiAddressing.Method.EMBED, request.model(), body, notes);
            var single = decode(() -> EmbeddingWire.fromSingle(bytes));
            data.add(new Embedding(i, single.vector()));
            allReported &= single.promptTokens() >= 0;
            reported += Math.max(0, single.promptTokens());
        }
        var usage = allReported ? Usage.of(reported, 0) : EmbeddingWire.estimate(inputs);
        return new EmbeddingResponse(request.model(), data, usage);
    }

    /** Legacy completions are sent as a chat of one user message (Gemini has no text-completion endpoint). */
    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        var chat = chat(CompletionAsChat.toChat(request, ONE_PROMPT), notes);
        return CompletionAsChat.fromChat(chat);
    }

    /** As {@link #complete}; reasoning deltas are not forwarded, the legacy completion wire has no place for them. */
    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        return streamChat(CompletionAsChat.toChat(request, ONE_PROMPT), event -> {
            if (!(event instanceof StreamEvent.ReasoningDelta)) {
                sink.accept(event);
            }
        }, notes);
    }

    private Unsupported unsupported(CallNotes notes) {
        return new Unsupported(settings.dropUnsupportedParams(), notes);
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode() throws IOException;
    }

    private static <T> T decode(Decoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(new ApiError.Upstream(502, "The upstream provider sent a malformed response.",
                    "upstream_error", null, "upstream_malformed_response", null), e);
        }
    }

    private byte[] call(GeminiAddressing.Method method, String model, byte[] body, CallNotes notes) {
        try (var response = send(method, model, body, false, notes)) {
            try {
                return response.readBody();
            } catch (IOException e) {
                throw new ApiException(response.idleTimedOut()
                        ? new ApiError.UpstreamTimeout("The upstream provider stopped sending its answer.")
                        : new ApiError.Upstream(502, "The connection to the upstream provider failed.",
                                "upstream_error", null, "upstream_io_error", null), e);
            }
        }
    }

    /** Sends the call; a non-2xx answer is read, closed and thrown as a client-safe error. */
    private UpstreamResponse send(GeminiAddressing.Method method, String model, byte[] body, boolean stream,
            CallNotes notes) {
        var headers = new HashMap<>(endpoint.headers());
        headers.putAll(addressing.authHeaders(endpoint));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", stream ? "text/event-stream" : "application/json");
        var request = UpstreamRequest.postJson(addressing.uri(endpoint, method, model), headers, body,
                endpoint.timeouts());
        var response = client.send(request);
        notes.upstreamStatus(response.status());
        notes.upstreamRequestId(response.header("x-request-id").orElse(null));
        if (!response.ok()) {
            try (response) {
                throw new ApiException(ErrorWire.fromWire(response.status(),
                        UpstreamAnswers.errorBody(response.body()), response.header("retry-after").orElse(null),
                        clock.instant(), scrubber));
            }
        }
        return response;
    }

    @Override
    public String toString() {
        return "GeminiProvider[" + endpoint.name() + ", " + settings.flavor() + "]";
    }
}

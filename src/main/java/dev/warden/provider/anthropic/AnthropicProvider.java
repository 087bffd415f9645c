package dev.warden.provider.anthropic;

import dev.warden.provider.UnsupportedParams;
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
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Objects;

/**
 * A deployment on the Anthropic Messages API: {@code POST {baseUrl}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version}. The base URL is the API root without {@code /v1} ({@code https://api.anthropic.com}).
 * Translation is done by this package's pure translators; the only I/O is the given {@link UpstreamClient}.
 * Anthropic has no embeddings (refused as unsupported); legacy completions run as a one-message chat
 * ({@link CompletionWire}).
 */
public final class AnthropicProvider implements Provider {
    private static final String MESSAGES_PATH = "/v1/messages";

    private final Endpoint endpoint;
    private final AnthropicSettings settings;
    private final UpstreamClient client;
    private final InstantSource clock;
    private final Scrubber scrubber;

    private AnthropicProvider(Endpoint endpoint, AnthropicSettings settings, UpstreamClient client,
            InstantSource clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scrubber = Scrubber.of(endpoint);
    }

    public static AnthropicProvider create(Endpoint endpoint, AnthropicSettings settings, UpstreamClient client) {
        return new AnthropicProvider(endpoint, settings, client, InstantSource.system());
    }

    /** For tests that pin the clock (creation stamps, {@code retry-after} dates). */
    static AnthropicProvider create(Endpoint endpoint, AnthropicSettings settings, UpstreamClient client,
            InstantSource clock) {
        return new AnthropicProvider(endpoint, settings, client, clock);
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        var body = RequestWire.toWire(request, false, settings.defaultMaxTokens(), unsupported(notes));
        return UpstreamAnswers.decode(send(body.bytes(), false, notes),
                bytes -> ResponseWire.fromWire(bytes, body.jsonMode(), clock.instant().getEpochSecond()));
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        var body = RequestWire.toWire(request, true, settings.defaultMaxTokens(), unsupported(notes));
        var response = send(body.bytes(), true, notes);
        return StreamPump.run(response, new SseReader(response.body()),
                new StreamDecoder(sink, scrubber, body.jsonMode(), clock.instant().getEpochSecond()), notes);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes) {
        throw Provider.unsupported(name(), "embeddings");
    }

    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        return CompletionAsChat.fromChat(chat(asChat(request), notes));
    }

    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        return streamChat(asChat(request), sink, notes);
    }

    /** Sends the call; a non-2xx answer is read, closed and thrown as a client-safe error. */
    private UpstreamResponse send(byte[] body, boolean stream, CallNotes notes) {
        var headers = new HashMap<>(endpoint.headers());
        if (endpoint.apiKey() != null) {
            headers.put("x-api-key", endpoint.apiKey());
        }
        headers.put("anthropic-version", settings.version());
        if (!settings.betas().isEmpty()) {
            headers.put("anthropic-beta", String.join(",", settings.betas()));
        }
        headers.put("content-type", "application/json");
        headers.put("accept", stream ? "text/event-stream" : "application/json");
        var request = UpstreamRequest.postJson(endpoint.resolve(MESSAGES_PATH), headers, body, endpoint.timeouts());
        var response = client.send(request);
        notes.upstreamStatus(response.status());
        notes.upstreamRequestId(response.header("request-id").orElse(null));
        if (!response.ok()) {
            try (response) {
                throw new ApiException(ErrorWire.fromWire(response.status(),
                        UpstreamAnswers.errorBody(response.body()), response.header("retry-after").orElse(null),
                        clock.instant(), scrubber));
            }
        }
        return response;
    }

    /** What the deployment's {@code drop_unsupported_params} lets the translators drop, reported into the notes. */
    private UnsupportedParams unsupported(CallNotes notes) {
        return new UnsupportedParams(endpoint.dropUnsupportedParams(), notes);
    }

    /** Anthropic answers one conversation per call. */
    private static ChatRequest asChat(CompletionRequest request) {
        return CompletionAsChat.toChat(request,
                "Anthropic completes one prompt per request; got " + request.prompts().size() + ".");
    }

    @Override
    public String toString() {
        return "AnthropicProvider[" + endpoint.name() + ", version=" + settings.version() + "]";
    }
}

package dev.warden.provider.azure;

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
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.openaicompat.Dialect;
import dev.warden.provider.openaicompat.DialectOverrides;
import dev.warden.provider.openaicompat.Dialects;
import dev.warden.provider.openaicompat.OpenAiCompatProvider;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An Azure OpenAI deployment. The bodies, answers, streams and errors are OpenAI's, so everything but the addressing
 * is delegated to {@link OpenAiCompatProvider}. The body keeps its {@code model} field (the Azure SDKs send it too;
 * the service takes the deployment from the URL).
 */
public final class AzureOpenAiProvider implements Provider {
    /** The first api-version that accepts {@code stream_options.include_usage} (2024-09-01-preview). */
    private static final String FIRST_STREAM_USAGE_VERSION = "2024-09-01";

    private final OpenAiCompatProvider delegate;

    private AzureOpenAiProvider(OpenAiCompatProvider delegate) {
        this.delegate = delegate;
    }

    /**
     * @param endpoint {@code baseUrl} is the resource root, e.g. {@code https://my-resource.openai.azure.com}
     * @param apiVersion the {@code api-version} query parameter, e.g. {@code 2024-10-21}
     */
    public static AzureOpenAiProvider create(Endpoint endpoint, String apiVersion, UpstreamClient client) {
        Objects.requireNonNull(apiVersion, "apiVersion");
        if (apiVersion.isBlank()) {
            throw new IllegalArgumentException("deployment '" + endpoint.name() + "': api-version is empty");
        }
        return new AzureOpenAiProvider(OpenAiCompatProvider.create(endpoint, dialectFor(apiVersion), client,
                new AzureAddressing(apiVersion.strip())));
    }

    /**
     * Usage on streams depends on the api-version. Versions are dates, so they compare as strings; the named
     * versions of the v1 API ("preview", "latest") sort after every date and support it too.
     */
    static Dialect dialectFor(String apiVersion) {
        boolean streamUsage = apiVersion.strip().compareTo(FIRST_STREAM_USAGE_VERSION) >= 0;
        return Dialects.custom("azure", new DialectOverrides(Dialects.AZURE.name(), Map.of(), Set.of(), Set.of(),
                Map.of(), null, streamUsage, null, null));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        return delegate.chat(request, notes);
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        return delegate.streamChat(request, sink, notes);
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes) {
        return delegate.embed(request, notes);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        return delegate.complete(request, notes);
    }

    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        return delegate.streamComplete(request, sink, notes);
    }

    @Override
    public String toString() {
        return "AzureOpenAiProvider[" + delegate.name() + "]";
    }
}

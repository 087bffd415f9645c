package dev.warden.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion request in canonical form.
 *
 * @param model the model name the client asked for (a logical alias or {@code deployment/model})
 * @param toolChoice null when the client did not say
 * @param responseFormat null when the client did not say
 * @param parallelToolCalls null when the client did not say
 * @param stream whether the client wants the answer streamed
 * @param includeUsage for streams: whether the client asked for a final usage chunk
 * @param user the end-user identifier the client passed, if any
 * @param extra request fields Warden does not model, forwarded untouched to upstreams that speak the same wire
 * @param extraDialect the client dialect the {@code extra} fields belong to ({@link #OPENAI_EXTRAS},
 *                     "anthropic", "ollama"): an upstream of another wire must not receive them blindly
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        Sampling sampling,
        List<Tool> tools,
        @Nullable ToolChoice toolChoice,
        @Nullable ResponseFormat responseFormat,
        @Nullable Boolean parallelToolCalls,
        boolean stream,
        boolean includeUsage,
        @Nullable String user,
        Map<String, RawJson> extra,
        String extraDialect) {

    /** The dialect of extra fields that OpenAI-compatible upstreams understand. */
    public static final String OPENAI_EXTRAS = "openai";

    /** A request whose extra fields, if any, are OpenAI's. */
    public ChatRequest(String model, List<Message> messages, Sampling sampling, List<Tool> tools,
            @Nullable ToolChoice toolChoice, @Nullable ResponseFormat responseFormat,
            @Nullable Boolean parallelToolCalls, boolean stream, boolean includeUsage, @Nullable String user,
            Map<String, RawJson> extra) {
        this(model, messages, sampling, tools, toolChoice, responseFormat, parallelToolCalls, stream, includeUsage,
                user, extra, OPENAI_EXTRAS);
    }

    public ChatRequest {
        Objects.requireNonNull(extraDialect, "extraDialect");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampling, "sampling");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        extra = Map.copyOf(extra);
    }

    public ChatRequest withModel(String upstreamModel) {
        return new ChatRequest(upstreamModel, messages, sampling, tools, toolChoice, responseFormat,
                parallelToolCalls, stream, includeUsage, user, extra, extraDialect);
    }

    public ChatRequest withSampling(Sampling value) {
        return new ChatRequest(model, messages, value, tools, toolChoice, responseFormat,
                parallelToolCalls, stream, includeUsage, user, extra, extraDialect);
    }

    public ChatRequest withExtra(Map<String, RawJson> value) {
        return new ChatRequest(model, messages, sampling, tools, toolChoice, responseFormat,
                parallelToolCalls, stream, includeUsage, user, value, extraDialect);
    }
}

package dev.warden.api.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.ChatRequest;
import java.util.Objects;
import java.util.Set;

/** POST /v1/chat/completions: wire JSON to {@link ChatRequest}. Unmodelled top-level fields go to extra. */
final class ChatRequestDecoder {
    private ChatRequestDecoder() {}

    static final Set<String> KNOWN = Set.of("model", "messages", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "seed",
            "presence_penalty", "frequency_penalty", "n", "stream", "stream_options", "user");

    static ChatRequest decode(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, KNOWN);
        ObjectFields f = request.fields();
        return new ChatRequest(
                model(f),
                MessageDecoder.decode(f),
                SamplingDecoder.decode(f),
                ToolDecoder.tools(f),
                ToolDecoder.toolChoice(f),
                ToolDecoder.responseFormat(f),
                f.bool("parallel_tool_calls"),
                Objects.requireNonNullElse(f.bool("stream"), false),
                SamplingDecoder.includeUsage(f),
                f.string("user"),
                request.extra());
    }

    /** Shared by every endpoint: the model is a non-empty string. */
    static String model(ObjectFields f) {
        String model = f.requiredString("model");
        if (model.isBlank()) {
            throw RequestErrors.missing("model");
        }
        return model;
    }
}

package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.CompletionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Legacy POST /v1/completions: wire JSON to {@link CompletionRequest}. Unmodelled fields go to extra. */
final class CompletionRequestDecoder {
    private CompletionRequestDecoder() {}

    static final Set<String> KNOWN = Set.of("model", "prompt", "max_tokens", "temperature", "top_p", "stop",
            "seed", "n", "stream", "stream_options", "user", "presence_penalty", "frequency_penalty");

    static CompletionRequest decode(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, KNOWN);
        ObjectFields f = request.fields();
        return new CompletionRequest(
                ChatRequestDecoder.model(f),
                prompts(f),
                SamplingDecoder.decode(f),
                Objects.requireNonNullElse(f.bool("stream"), false),
                SamplingDecoder.includeUsage(f),
                f.string("user"),
                request.extra());
    }

    private static List<String> prompts(ObjectFields f) {
        JsonNode prompt = f.required("prompt");
        if (prompt.isTextual()) {
            return List.of(prompt.textValue());
        }
        if (!prompt.isArray()) {
            throw RequestErrors.wrongType("prompt", "a string or an array of strings", prompt);
        }
        if (prompt.isEmpty()) {
            throw RequestErrors.invalid("prompt", "Invalid 'prompt': empty array. Expected at least one prompt.");
        }
        var prompts = new ArrayList<String>(prompt.size());
        for (int i = 0; i < prompt.size(); i++) {
            JsonNode item = prompt.get(i);
            if (item.isNumber() || item.isArray()) {
                throw RequestErrors.unsupported("prompt", "A prompt given as token ids");
            }
            if (!item.isTextual()) {
                throw RequestErrors.wrongType("prompt[" + i + "]", "a string", item);
            }
            prompts.add(item.textValue());
        }
        return prompts;
    }
}

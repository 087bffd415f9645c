package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The generation parameters shared by chat and legacy completions. Absent stays absent (null). */
final class SamplingDecoder {
    private SamplingDecoder() {}

    static Sampling decode(ObjectFields f) {
        return new Sampling(
                f.number("temperature", 0, 2),
                f.number("top_p", 0, 1),
                maxTokens(f),
                stop(f),
                f.longValue("seed"),
                f.number("presence_penalty", -2, 2),
                f.number("frequency_penalty", -2, 2),
                f.integer("n", 1),
                // top_k is not OpenAI's; it stays in extra, verbatim, for servers that take it (vLLM, SGLang).
                null);
    }

    /**
     * {@code max_completion_tokens} is OpenAI's newer name for {@code max_tokens}; both mean the same limit here.
     * Two different values cannot both be honoured, so that is a 400 rather than a silent pick.
     */
    private static Integer maxTokens(ObjectFields f) {
        Integer legacy = f.integer("max_tokens", 1);
        Integer current = f.integer("max_completion_tokens", 1);
        if (legacy != null && current != null && !legacy.equals(current)) {
            throw RequestErrors.invalid("max_completion_tokens", "'max_tokens' (" + legacy
                    + ") and 'max_completion_tokens' (" + current + ") differ; send only one of them.");
        }
        return current != null ? current : legacy;
    }

    private static List<String> stop(ObjectFields f) {
        JsonNode value = f.get("stop");
        if (value == null) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            throw RequestErrors.wrongType("stop", "a string or an array of strings", value);
        }
        var stops = new ArrayList<String>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw RequestErrors.wrongType("stop[" + i + "]", "a string", item);
            }
            stops.add(item.textValue());
        }
        return stops;
    }

    static boolean includeUsage(ObjectFields f) {
        ObjectFields options = f.object("stream_options");
        return options != null && Objects.requireNonNullElse(options.bool("include_usage"), false);
    }
}

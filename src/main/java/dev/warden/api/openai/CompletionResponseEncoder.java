package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.FinishReason;
import dev.warden.llm.CompletionResponse;
import java.io.IOException;

/** {@link CompletionResponse} to a legacy {@code text_completion} object. */
final class CompletionResponseEncoder {
    private CompletionResponseEncoder() {}

    static void write(JsonGenerator g, CompletionResponse response) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", response.id());
        g.writeStringField("object", "text_completion");
        g.writeNumberField("created", response.created());
        g.writeStringField("model", response.model());
        g.writeArrayFieldStart("choices");
        for (CompletionResponse.TextChoice choice : response.choices()) {
            g.writeStartObject();
            g.writeStringField("text", choice.text());
            g.writeNumberField("index", choice.index());
            g.writeNullField("logprobs");
            // A finished, non-streamed answer always has a reason, and the official SDKs reject null here; an upstream
            // that reported none ended normally as far as anyone can tell, so it is written as "stop".
            UsageEncoder.finishReason(g, choice.finishReason() == null ? FinishReason.STOP : choice.finishReason());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (response.usage() != null) {
            UsageEncoder.write(g, response.usage());
        }
        g.writeEndObject();
    }
}

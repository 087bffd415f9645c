package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
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
            UsageEncoder.finishReason(g, choice.finishReason());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (response.usage() != null) {
            UsageEncoder.write(g, response.usage());
        }
        g.writeEndObject();
    }
}

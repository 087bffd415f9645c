package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.FinishReason;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import java.io.IOException;
import java.util.List;

/** {@link ChatResponse} to a {@code chat.completion} object. */
final class ChatResponseEncoder {
    private ChatResponseEncoder() {}

    static void write(JsonGenerator g, ChatResponse response) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", response.id());
        g.writeStringField("object", "chat.completion");
        g.writeNumberField("created", response.created());
        g.writeStringField("model", response.model());
        g.writeArrayFieldStart("choices");
        for (Choice choice : response.choices()) {
            g.writeStartObject();
            g.writeNumberField("index", choice.index());
            message(g, choice.message());
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
        if (response.systemFingerprint() != null) {
            g.writeStringField("system_fingerprint", response.systemFingerprint());
        }
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, Message message) throws IOException {
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        boolean hasText = false;
        boolean hasReasoning = false;
        for (ContentPart part : message.parts()) {
            switch (part) {
                case ContentPart.Text t -> {
                    text.append(t.text());
                    hasText = true;
                }
                case ContentPart.Thinking t -> {
                    reasoning.append(t.text());
                    hasReasoning = true;
                }
                // Tool calls are written below; images and tool results never occur in an assistant answer.
                case ContentPart.ToolCall c -> { }
                case ContentPart.Image i -> { }
                case ContentPart.ToolResult r -> { }
            }
        }
        List<ContentPart.ToolCall> calls = message.toolCalls();
        g.writeObjectFieldStart("message");
        g.writeStringField("role", "assistant");
        // OpenAI sends null content for a pure tool-call answer; an answer with neither is an empty string.
        if (!hasText && !calls.isEmpty()) {
            g.writeNullField("content");
        } else {
            g.writeStringField("content", text.toString());
        }
        g.writeNullField("refusal");
        if (!calls.isEmpty()) {
            g.writeArrayFieldStart("tool_calls");
            for (ContentPart.ToolCall call : calls) {
                g.writeStartObject();
                g.writeStringField("id", call.id());
                g.writeStringField("type", "function");
                g.writeObjectFieldStart("function");
                g.writeStringField("name", call.name());
                g.writeStringField("arguments", call.arguments());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (hasReasoning) {
            g.writeStringField("reasoning_content", reasoning.toString());
        }
        g.writeEndObject();
    }
}

package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A complete {@link ChatResponse} as the single object of a non-streamed {@code /api/chat} or {@code /api/generate}
 * answer. Ollama has one answer per request, so only the first choice is written ({@code n} cannot be asked for in
 * this dialect). {@code model} is the name the client asked for, which is what Ollama echoes.
 */
final class AnswerEncoder {
    private AnswerEncoder() {}

    /** What an answer's message holds, with text and thinking joined. */
    record Content(String text, @Nullable String thinking, List<ContentPart.ToolCall> calls,
            @Nullable FinishReason reason) {

        static Content of(ChatResponse response) {
            if (response.choices().isEmpty()) {
                return new Content("", null, List.of(), null);
            }
            Choice choice = response.choices().getFirst();
            Message message = choice.message();
            var thinking = new StringBuilder();
            boolean hasThinking = false;
            for (ContentPart part : message.parts()) {
                if (part instanceof ContentPart.Thinking t) {
                    thinking.append(t.text());
                    hasThinking = true;
                }
            }
            return new Content(message.joinedText(), hasThinking ? thinking.toString() : null, message.toolCalls(),
                    choice.finishReason());
        }
    }

    static void chat(JsonGenerator g, ObjectMapper mapper, String model, Instant now, ChatResponse response,
            OllamaTimings timings) throws IOException {
        Content content = Content.of(response);
        DoneFields.header(g, model, now);
        g.writeObjectFieldStart("message");
        g.writeStringField("role", "assistant");
        g.writeStringField("content", content.text());
        if (content.thinking() != null) {
            g.writeStringField("thinking", content.thinking());
        }
        if (!content.calls().isEmpty()) {
            ToolCallWriter.write(g, mapper, content.calls());
        }
        g.writeEndObject();
        DoneFields.done(g, content.reason(), response.usage(), timings);
        g.writeEndObject();
    }

    /**
     * A generate request carries no tools, so its answer has no tool calls to lose; thinking goes in
     * {@code thinking} as Ollama does for thinking models.
     */
    static void generate(JsonGenerator g, String model, Instant now, ChatResponse response, OllamaTimings timings)
            throws IOException {
        Content content = Content.of(response);
        DoneFields.header(g, model, now);
        g.writeStringField("response", content.text());
        if (content.thinking() != null) {
            g.writeStringField("thinking", content.thinking());
        }
        DoneFields.done(g, content.reason(), response.usage(), timings);
        g.writeEndObject();
    }

    /**
     * The answer to Ollama's "load the model" request (no messages, or an empty prompt): Ollama replies at once with
     * {@code done_reason} "load", or "unload" when {@code keep_alive} is 0. A gateway has nothing to load, so the
     * reply is given without calling any upstream.
     */
    static void loaded(JsonGenerator g, String model, Instant now, boolean chat, boolean unload) throws IOException {
        DoneFields.header(g, model, now);
        if (chat) {
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            g.writeStringField("content", "");
            g.writeEndObject();
        } else {
            g.writeStringField("response", "");
        }
        g.writeBooleanField("done", true);
        g.writeStringField("done_reason", unload ? "unload" : "load");
        g.writeEndObject();
    }
}

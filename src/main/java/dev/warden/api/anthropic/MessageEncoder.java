package dev.warden.api.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link ChatResponse} to a Messages API {@code message} object. */
final class MessageEncoder {
    private MessageEncoder() {}

    /**
     * Anthropic answers have exactly one "choice"; the first is written. Requests decoded by this dialect never ask
     * for more (there is no {@code n}), so a second choice cannot occur in practice.
     */
    static void write(JsonGenerator g, ObjectMapper mapper, ChatResponse response) throws IOException {
        @Nullable Choice choice = response.choices().isEmpty() ? null : response.choices().getFirst();
        g.writeStartObject();
        g.writeStringField("id", WireNames.messageId(response.id()));
        g.writeStringField("type", "message");
        g.writeStringField("role", "assistant");
        g.writeStringField("model", response.model());
        g.writeArrayFieldStart("content");
        if (choice != null) {
            blocks(g, mapper, choice.message().parts());
        }
        g.writeEndArray();
        g.writeStringField("stop_reason", WireNames.stopReason(choice == null ? null : choice.finishReason()));
        g.writeNullField("stop_sequence");
        // The SDKs require usage; an upstream that reported none is written as zeros (Usage#estimated says more).
        usage(g, response.usage() == null ? Usage.ZERO : response.usage());
        g.writeEndObject();
    }

    private static void blocks(JsonGenerator g, ObjectMapper mapper, List<ContentPart> parts) throws IOException {
        for (ContentPart part : parts) {
            switch (part) {
                case ContentPart.Text t -> {
                    g.writeStartObject();
                    g.writeStringField("type", "text");
                    g.writeStringField("text", t.text());
                    g.writeEndObject();
                }
                case ContentPart.Thinking t -> thinking(g, t);
                case ContentPart.ToolCall c -> {
                    g.writeStartObject();
                    g.writeStringField("type", "tool_use");
                    g.writeStringField("id", c.id());
                    g.writeStringField("name", c.name());
                    g.writeFieldName("input");
                    g.writeTree(input(mapper, c.arguments()));
                    g.writeEndObject();
                }
                // Images and tool results never occur in an assistant answer.
                case ContentPart.Image i -> { }
                case ContentPart.ToolResult r -> { }
            }
        }
    }

    /** A redacted block round-trips through the signature convention of {@link BlockDecoder#REDACTED_PREFIX}. */
    static void thinking(JsonGenerator g, ContentPart.Thinking t) throws IOException {
        g.writeStartObject();
        String signature = t.signature();
        if (signature != null && t.text().isEmpty() && signature.startsWith(BlockDecoder.REDACTED_PREFIX)) {
            g.writeStringField("type", "redacted_thinking");
            g.writeStringField("data", signature.substring(BlockDecoder.REDACTED_PREFIX.length()));
        } else {
            g.writeStringField("type", "thinking");
            g.writeStringField("thinking", t.text());
            // The SDKs require a string; upstreams other than Anthropic sign nothing, which is an empty signature.
            g.writeStringField("signature", signature == null ? "" : signature);
        }
        g.writeEndObject();
    }

    /**
     * Anthropic's {@code input} is an object, while a canonical call carries the model's argument text. Text that is
     * not a JSON object (a model that wrote broken JSON, or an empty string for a call without arguments) cannot be
     * written as is: empty becomes {@code {}}, anything else {@code {"_raw": "<text>"}} so nothing is lost.
     */
    static JsonNode input(ObjectMapper mapper, String arguments) {
        if (arguments.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(arguments);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // Not JSON: wrapped below.
        }
        return mapper.createObjectNode().put("_raw", arguments);
    }

    /**
     * A stream's opening event. Input tokens are not known yet from most upstreams (OpenAI-style ones report usage
     * only at the end), so it says 0 and the real counts follow in message_delta, which the SDKs take as final.
     */
    static void messageStart(JsonGenerator g, String id, String model) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "message_start");
        g.writeObjectFieldStart("message");
        g.writeStringField("id", id);
        g.writeStringField("type", "message");
        g.writeStringField("role", "assistant");
        g.writeStringField("model", model);
        g.writeArrayFieldStart("content");
        g.writeEndArray();
        g.writeNullField("stop_reason");
        g.writeNullField("stop_sequence");
        usage(g, Usage.ZERO);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A stream's closing summary: the stop reason and the whole answer's usage. */
    static void messageDelta(JsonGenerator g, @Nullable FinishReason reason, @Nullable Usage usage)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "message_delta");
        g.writeObjectFieldStart("delta");
        g.writeStringField("stop_reason", WireNames.stopReason(reason));
        g.writeNullField("stop_sequence");
        g.writeEndObject();
        if (usage != null) {
            usage(g, usage);
        } else {
            // Unknown usage: the SDKs require output_tokens, and nothing better than 0 is known.
            g.writeObjectFieldStart("usage");
            g.writeNumberField("output_tokens", 0);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Canonical prompt tokens include cached ones; Anthropic counts them apart, so they are subtracted. */
    static void usage(JsonGenerator g, Usage usage) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("input_tokens", Math.max(0, usage.promptTokens() - usage.cachedTokens()));
        g.writeNumberField("cache_creation_input_tokens", 0);
        g.writeNumberField("cache_read_input_tokens", usage.cachedTokens());
        g.writeNumberField("output_tokens", usage.completionTokens());
        g.writeEndObject();
    }
}

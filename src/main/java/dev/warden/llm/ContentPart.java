package dev.warden.llm;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One typed piece of a message. Tool calls and tool results are parts (as in Anthropic's content blocks) rather
 * than side fields, so every dialect maps onto one shape. A part may carry a {@link CacheHint}: the client's
 * prompt-cache breakpoint, kept for providers that understand it and ignored by the others.
 */
public sealed interface ContentPart {

    record Text(String text, @Nullable CacheHint cache) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public Text(String text) {
            this(text, null);
        }
    }

    /** An image given by URL (http(s) or a data: URL is kept as is) or inline bytes in base64. */
    record Image(ImageSource source, @Nullable String detail, @Nullable CacheHint cache) implements ContentPart {
        public Image {
            Objects.requireNonNull(source, "source");
        }

        public Image(ImageSource source, @Nullable String detail) {
            this(source, detail, null);
        }
    }

    /** A call the assistant asks for; {@code arguments} is the JSON text exactly as the model produced it. */
    record ToolCall(String id, String name, String arguments, @Nullable CacheHint cache) implements ContentPart {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
        }

        public ToolCall(String id, String name, String arguments) {
            this(id, name, arguments, null);
        }
    }

    /** The answer to a tool call, sent back by the client. */
    record ToolResult(String toolCallId, List<ContentPart> content, boolean isError, @Nullable CacheHint cache)
            implements ContentPart {
        public ToolResult {
            Objects.requireNonNull(toolCallId, "toolCallId");
            content = List.copyOf(content);
        }

        public ToolResult(String toolCallId, List<ContentPart> content, boolean isError) {
            this(toolCallId, content, isError, null);
        }
    }

    /**
     * Model reasoning returned by providers that expose it; {@code signature} is opaque and must round-trip.
     * Reasoning a provider returned encrypted (Anthropic's redacted thinking) has empty text and a signature of
     * {@link #REDACTED_PREFIX} followed by the encrypted data, so every dialect and provider agrees on one form.
     */
    record Thinking(String text, @Nullable String signature) implements ContentPart {
        public static final String REDACTED_PREFIX = "redacted_thinking:";

        public Thinking {
            Objects.requireNonNull(text, "text");
        }
    }
}

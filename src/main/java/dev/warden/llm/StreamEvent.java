package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a streamed answer, in canonical form. A provider's stream decoder emits these in order; a dialect's
 * stream writer turns them into its wire events. {@code choice} is the choice index (0 for almost every request).
 */
public sealed interface StreamEvent {

    /** First event of every stream: identifies the answer. */
    record Start(String id, String model, long created) implements StreamEvent {
        public Start {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(model, "model");
        }
    }

    /** A piece of answer text. */
    record TextDelta(int choice, String text) implements StreamEvent {
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A piece of model reasoning (thinking) text, or, with empty text and a {@code signature}, the signature that
     * closes the current reasoning block. Signatures are opaque and must reach the client, which sends them back
     * on the next turn (Anthropic rejects tool-use turns whose thinking lost its signature).
     */
    record ReasoningDelta(int choice, String text, @Nullable String signature) implements StreamEvent {
        public ReasoningDelta {
            Objects.requireNonNull(text, "text");
        }

        public ReasoningDelta(int choice, String text) {
            this(choice, text, null);
        }

        /** True when this event only carries a signature. */
        public boolean signatureOnly() {
            return text.isEmpty() && signature != null;
        }
    }

    /** A new tool call begins; {@code index} numbers the calls within the choice from 0. */
    record ToolCallStart(int choice, int index, String id, String name) implements StreamEvent {
        public ToolCallStart {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** A fragment of the JSON arguments of tool call {@code index}; fragments concatenate to the whole. */
    record ToolCallDelta(int choice, int index, String argumentsFragment) implements StreamEvent {
        public ToolCallDelta {
            Objects.requireNonNull(argumentsFragment, "argumentsFragment");
        }
    }

    /** The choice is finished. */
    record Finish(int choice, FinishReason reason) implements StreamEvent {
        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Token usage for the whole answer; may come once, after the finish. */
    record UsageReport(Usage usage, @Nullable String systemFingerprint) implements StreamEvent {
        public UsageReport {
            Objects.requireNonNull(usage, "usage");
        }
    }
}

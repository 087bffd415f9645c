package dev.warden.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a stream ended, with the final usage when the upstream reported it. Budgets and the audit trail depend on
 * telling a complete answer from a truncated one, so every stream decoder reports exactly one of these.
 */
public sealed interface StreamOutcome {

    @Nullable Usage usage();

    /** The upstream sent its terminal event. */
    record Complete(@Nullable Usage usage) implements StreamOutcome {}

    /** The upstream connection ended (or went idle) before the terminal event. */
    record Truncated(@Nullable Usage usage, String detail) implements StreamOutcome {
        public Truncated {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The upstream reported an error inside the stream. */
    record Failed(@Nullable Usage usage, ApiError error) implements StreamOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The client went away; the upstream request was cancelled. */
    record ClientGone(@Nullable Usage usage) implements StreamOutcome {}
}

package dev.warden.api.openai;

import dev.warden.llm.ApiError;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import org.jspecify.annotations.Nullable;

/** How both OpenAI stream writers end a stream, so chat and legacy completions cannot drift apart. */
final class StreamEnd {
    private StreamEnd() {}

    static final String TRUNCATED_MESSAGE = "The upstream stream ended before it was complete.";

    /** What a stream's last usage chunk must carry when the outcome brings usage no event reported. */
    @FunctionalInterface
    interface UsageChunk {
        void send(Usage usage);
    }

    /**
     * Complete ends with {@code [DONE]}; a truncated or failed stream ends with an error event and no
     * {@code [DONE]}, which is how the SDKs tell a broken answer from a whole one; a gone client gets nothing.
     */
    static void finish(SseChannel channel, StreamOutcome outcome, boolean usageSent, boolean includeUsage,
            UsageChunk usageChunk) {
        switch (outcome) {
            case StreamOutcome.Complete c -> {
                @Nullable Usage usage = c.usage();
                if (includeUsage && !usageSent && usage != null) {
                    usageChunk.send(usage);
                }
                channel.sendDone();
            }
            case StreamOutcome.Truncated t -> error(channel, new ApiError.Upstream(502, TRUNCATED_MESSAGE, null,
                    null, "stream_truncated", null));
            case StreamOutcome.Failed f -> error(channel, f.error());
            case StreamOutcome.ClientGone g -> { }
        }
    }

    private static void error(SseChannel channel, ApiError error) {
        channel.send(g -> ErrorEncoder.write(g, error));
    }
}

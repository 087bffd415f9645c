package dev.warden.api.ollama;

import dev.warden.api.wire.JsonBody;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.FinishReason;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What both Ollama stream writers share: the line header, the remembered finish reason and usage, the timings the
 * gateway can measure, and how a stream ends, so chat and generate cannot drift apart. Not thread-safe.
 */
final class StreamState {
    static final String TRUNCATED_MESSAGE = "The upstream stream ended before it was complete.";

    private final OllamaCodec codec;
    private final NdjsonChannel channel;
    private final String model;
    private final Instant started;
    private @Nullable Instant firstToken;
    private @Nullable FinishReason reason;
    private @Nullable Usage usage;
    private boolean ended;

    StreamState(OllamaCodec codec, NdjsonChannel channel, String model) {
        this.codec = codec;
        this.channel = channel;
        this.model = model;
        this.started = codec.now();
    }

    OllamaCodec codec() {
        return codec;
    }

    /** True once the stream has written its last line (done, or an error); later events are ignored. */
    boolean ended() {
        return ended;
    }

    void tokenSeen() {
        if (firstToken == null) {
            firstToken = codec.now();
        }
    }

    void finishReason(FinishReason value) {
        reason = value;
    }

    void usage(Usage value) {
        usage = value;
    }

    /** One {@code done: false} line: the header, then {@code fields}, then {@code done}. */
    void line(JsonBody fields) {
        channel.send(g -> {
            DoneFields.header(g, model, codec.now());
            fields.write(g);
            g.writeBooleanField("done", false);
            g.writeEndObject();
        });
    }

    /**
     * Complete ends with the {@code done: true} line carrying the reason, counts and timings; a truncated or failed
     * stream ends with an {@code {"error": ...}} line and no done line, which Ollama's clients raise as an error; a
     * gone client gets nothing.
     */
    void end(StreamOutcome outcome, JsonBody lastFields) {
        if (ended) {
            return;
        }
        ended = true;
        switch (outcome) {
            case StreamOutcome.Complete c -> {
                Usage counts = usage != null ? usage : c.usage();
                Instant now = codec.now();
                long total = Duration.between(started, now).toNanos();
                long toFirst = firstToken == null ? total : Duration.between(started, firstToken).toNanos();
                OllamaTimings timings = OllamaTimings.measured(total, toFirst);
                channel.send(g -> {
                    DoneFields.header(g, model, now);
                    lastFields.write(g);
                    DoneFields.done(g, reason, counts, timings);
                    g.writeEndObject();
                });
            }
            case StreamOutcome.Truncated t -> error(new ApiError.Upstream(502, TRUNCATED_MESSAGE, null, null,
                    "stream_truncated", null));
            case StreamOutcome.Failed f -> error(f.error());
            case StreamOutcome.ClientGone g -> { }
        }
    }

    /** Ends the stream early with an error line, e.g. when an upstream's tool call cannot be put in Ollama's shape. */
    void fail(ApiException e) {
        if (!ended) {
            ended = true;
            error(e.error());
        }
    }

    private void error(ApiError error) {
        channel.send(g -> ErrorLine.write(g, error));
    }
}

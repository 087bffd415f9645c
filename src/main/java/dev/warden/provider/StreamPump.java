package dev.warden.provider;

import dev.warden.llm.ClientGoneException;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a streamed upstream answer, event by event, to a provider's stream decoder until the decoder reports how
 * the stream ended or the body ends. Written once because the endings must be the same for every provider: a cut
 * or timed-out body is the decoder's to judge (truncated or complete), and a client that went away closes the
 * upstream body at once, since closing it is what stops the upstream generating (and billing).
 */
public final class StreamPump {
    private StreamPump() {}

    /** Reads the body as a stream of events (SSE events, NDJSON lines...). */
    @FunctionalInterface
    public interface Source<E> {
        /** The next event, or null at the end of the body. */
        @Nullable E next() throws IOException;

        /** True when input past the last event is already received, so {@link #next} will not wait for it. */
        default boolean buffered() {
            return false;
        }
    }

    /** A provider's stream decoder: an explicit state machine that owns what the stream has told so far. */
    public interface Decoder<E> {
        /** Takes one event; returns how the stream ended once it has, else null. */
        @Nullable StreamOutcome accept(E event);

        /** How the stream ended when the body ended, or broke, before the decoder saw the end. */
        StreamOutcome endOfBody(boolean idleTimedOut);

        /** The usage reported so far, for a client that went away mid-stream. */
        @Nullable Usage usage();
    }

    /**
     * Pumps the whole answer and closes it. While an event is delivered, {@code notes} tell whether more input is
     * already received ({@link CallNotes#moreInputBuffered}): events that arrived together can then reach the client
     * in one write instead of one write and flush each, and the last of them is flushed before the pump waits.
     */
    public static <E> StreamOutcome run(UpstreamResponse response, Source<E> source, Decoder<E> decoder,
            CallNotes notes) {
        try (response) {
            try {
                for (var event = source.next(); event != null; event = source.next()) {
                    notes.moreInputBuffered(source.buffered());
                    var outcome = decoder.accept(event);
                    if (outcome != null) {
                        return outcome;
                    }
                }
                notes.moreInputBuffered(false);
                return decoder.endOfBody(response.idleTimedOut());
            } catch (IOException e) {
                notes.moreInputBuffered(false);
                return decoder.endOfBody(response.idleTimedOut());
            } catch (ClientGoneException e) {
                response.close(); // first of all: closing the body is what stops the upstream generating
                return new StreamOutcome.ClientGone(decoder.usage());
            } finally {
                // Whatever ends the stream (a final event, a cut body, a failure) is written with a flush.
                notes.moreInputBuffered(false);
            }
        }
    }
}

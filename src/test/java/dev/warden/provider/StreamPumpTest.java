package dev.warden.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.provider.http.Watchdog;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamPumpTest {
    private final Watchdog watchdog = Watchdog.start(1_000);

    @AfterEach
    void stop() {
        watchdog.close();
    }

    @Test
    void eachEventIsDeliveredKnowingWhetherMoreInputIsAlreadyReceived() {
        var notes = new CallNotes();
        var events = List.of("a", "b", "c");
        var source = new StreamPump.Source<String>() {
            private int next;

            @Override
            public @Nullable String next() {
                return next < events.size() ? events.get(next++) : null;
            }

            @Override
            public boolean buffered() {
                return next < 2; // a and b came in one read; c is waited for
            }
        };
        var seen = new ArrayList<String>();
        var decoder = new StreamPump.Decoder<String>() {
            @Override
            public @Nullable StreamOutcome accept(String event) {
                seen.add(event + "=" + notes.moreInputBuffered());
                return event.equals("c") ? new StreamOutcome.Complete(null) : null;
            }

            @Override
            public StreamOutcome endOfBody(boolean idleTimedOut) {
                return new StreamOutcome.Truncated(null, "cut");
            }

            @Override
            public @Nullable Usage usage() {
                return null;
            }
        };

        var outcome = StreamPump.run(response(), source, decoder, notes);

        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(null));
        assertThat(seen).containsExactly("a=true", "b=false", "c=false");
        assertThat(notes.moreInputBuffered()).as("after the stream").isFalse();
    }

    private UpstreamResponse response() {
        var body = new WatchedStream(new ByteArrayInputStream(new byte[0]), () -> 0, atEof -> { }, watchdog,
                60_000_000_000L, System.nanoTime());
        return new UpstreamResponse(200, name -> Optional.empty(), body, 0);
    }
}

package dev.warden.server;

import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import java.util.function.Consumer;

/** Adapts a dialect's stream class (a sink with a finish method) to {@link Surface.StreamWriter}. */
final class StreamWriters {
    private StreamWriters() {}

    static Surface.StreamWriter of(String contentType, StreamSink sink, Consumer<StreamOutcome> finisher) {
        return new Surface.StreamWriter() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public void finish(StreamOutcome outcome) {
                finisher.accept(outcome);
            }

            @Override
            public void accept(StreamEvent event) {
                sink.accept(event);
            }
        };
    }
}

package dev.warden.server;

import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.pipeline.Exchange;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The sink a streamed answer is written to. The HTTP response is committed (status 200, stream headers) only when
 * the first event arrives, so a failure before that (an upstream 429, say) can still be answered with the right
 * status and an error body instead of a 200 stream.
 */
final class LazyStream implements StreamSink {
    private final ServerResponse response;
    private final Surface surface;
    private @Nullable Exchange exchange;
    private Surface.@Nullable StreamWriter writer;
    private @Nullable ClientOutput output;

    LazyStream(ServerResponse response, Surface surface) {
        this.response = response;
        this.surface = surface;
    }

    void bind(Exchange value) {
        this.exchange = value;
    }

    boolean opened() {
        return writer != null;
    }

    @Override
    public void accept(StreamEvent event) {
        open().accept(event);
    }

    private Surface.StreamWriter open() {
        if (writer != null) {
            return writer;
        }
        if (exchange == null) {
            throw new IllegalStateException("stream opened before the exchange was bound");
        }
        var notes = exchange.notes();
        output = new ClientOutput(response::outputStream, notes::moreInputBuffered);
        var created = surface.streamWriter(exchange, output);
        response.status(200);
        response.header("Content-Type", created.contentType());
        response.header("Cache-Control", "no-cache");
        response.header("X-Accel-Buffering", "no");
        Headers.dropped(response, exchange.notes().droppedParams());
        Headers.added(response, exchange.responseHeaders());
        writer = created;
        return created;
    }

    /** Ends the stream the way the outcome says (the dialect's terminal event, or an error event) and closes it. */
    void finish(StreamOutcome outcome) {
        var opened = open();
        try {
            opened.finish(outcome);
        } catch (RuntimeException e) {
            // The client left while the end was being written; there is nobody to tell.
        }
        try {
            output.close();
        } catch (IOException e) {
            // Same: the connection is already gone.
        }
    }
}

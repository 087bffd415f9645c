package dev.warden.server;

import dev.warden.api.openai.OpenAiChatStream;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.api.openai.OpenAiCompletionStream;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The sink a streamed answer is written to. The HTTP response is committed (status 200, event-stream headers) only
 * when the first event arrives, so a failure before that (an upstream 429, say) can still be answered with the
 * right status and a JSON error body instead of a 200 stream.
 */
final class SseResponse implements StreamSink {
    private final ServerResponse response;
    private final OpenAiCodec codec;
    private @Nullable Exchange exchange;
    private @Nullable StreamSink writer;
    private @Nullable Consumer<StreamOutcome> finisher;
    private @Nullable ClientOutput output;

    SseResponse(ServerResponse response, OpenAiCodec codec) {
        this.response = response;
        this.codec = codec;
    }

    void bind(Exchange value) {
        this.exchange = value;
    }

    boolean opened() {
        return writer != null;
    }

    @Override
    public void accept(StreamEvent event) {
        if (writer == null) {
            open();
        }
        writer.accept(event);
    }

    private void open() {
        if (exchange == null) {
            throw new IllegalStateException("stream opened before the exchange was bound");
        }
        response.status(200);
        response.header("Content-Type", "text/event-stream");
        response.header("Cache-Control", "no-cache");
        response.header("X-Accel-Buffering", "no");
        Headers.dropped(response, exchange.notes().droppedParams());
        output = new ClientOutput(response.outputStream());
        switch (exchange.requireOperation()) {
            case Operation.Completion(var request) -> {
                var stream = OpenAiCompletionStream.create(codec, output, request.includeUsage());
                writer = stream;
                finisher = stream::finish;
            }
            case Operation.Chat(var request) -> {
                var stream = OpenAiChatStream.create(codec, output, request.includeUsage());
                writer = stream;
                finisher = stream::finish;
            }
            default -> throw new IllegalStateException("not a streaming operation");
        }
    }

    /** Ends an opened stream the way the outcome says (a [DONE] or an error event) and closes the response. */
    void finish(StreamOutcome outcome) {
        if (writer == null) {
            open();
        }
        try {
            finisher.accept(outcome);
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

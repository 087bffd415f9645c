package dev.warden.server;

import dev.warden.llm.ApiError;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import java.io.OutputStream;

/**
 * One client dialect as the server sees it: how its errors, answers and streams are written. The request path
 * between decoding and rendering is the same pipeline for every dialect.
 */
interface Surface {

    /** The dialect's name in the access log ("openai", "anthropic", "ollama"). */
    String dialect();

    /** The error body in the dialect's own format. */
    byte[] errorBody(ApiError error);

    /** The body of a successful, non-streamed reply (every reply but {@link Reply.Streamed} and failures). */
    byte[] replyBody(Exchange exchange, Reply reply);

    /** The writer of a streamed answer to the exchange's operation (the endpoint may choose the shape). */
    StreamWriter streamWriter(Exchange exchange, OutputStream out);

    /** A dialect's stream writer: events as they come, then the end the outcome calls for. */
    interface StreamWriter extends StreamSink {
        String contentType();

        void finish(StreamOutcome outcome);
    }
}

package dev.warden.llm;

/**
 * Receives a stream's events as they are decoded. Delivery is synchronous: when {@link #accept} returns, the
 * event has been handed to the client connection, so no buffering sits between upstream and client. (The one
 * exception: while the upstream's next input is already received, the server may hold a flush for the events that
 * follow at once, so they leave in one write; it never holds one while the stream waits for the upstream.)
 */
@FunctionalInterface
public interface StreamSink {
    /**
     * @throws ClientGoneException when the client has disconnected; the caller must stop and cancel the upstream
     */
    void accept(StreamEvent event);
}

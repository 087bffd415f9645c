package dev.warden.llm;

/** The client disconnected while an answer was being streamed to it. */
public final class ClientGoneException extends RuntimeException {
    public ClientGoneException(Throwable cause) {
        super("client disconnected", cause, false, false);
    }
}

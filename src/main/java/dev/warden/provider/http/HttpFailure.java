package dev.warden.provider.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * An exchange that produced no response, and which phase of it failed: the caller maps the kind onto its own
 * errors (unreachable, timed out, cancelled, broken). The message and cause are for the log only; they may name
 * the upstream.
 */
public final class HttpFailure extends IOException {
    /** What went wrong, as far as a caller needs to tell failures apart. */
    public enum Kind {
        /** No connection: refused, unknown host, no route, or a failed TLS handshake. */
        UNREACHABLE,
        /** Connecting (TCP and TLS handshake together) took longer than the connect timeout. */
        CONNECT_TIMEOUT,
        /** The upstream sent nothing for longer than the first-byte timeout before its response head ended. */
        FIRST_BYTE_TIMEOUT,
        /** The calling thread was interrupted. */
        CANCELLED,
        /** The connection broke or the upstream's answer was not valid HTTP/1.1. */
        BROKEN
    }

    private final Kind kind;

    HttpFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    HttpFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The failure for an I/O error in some phase: {@code otherwise}, unless the thread was interrupted (a virtual
     * thread interrupted in a socket call closes the socket and fails with a plain {@code SocketException}).
     */
    static HttpFailure of(Kind otherwise, String message, IOException cause) {
        if (cause instanceof HttpFailure failure) {
            return failure;
        }
        return new HttpFailure(cancellation(cause) ? Kind.CANCELLED : otherwise, message, cause);
    }

    /** True when the failure is the calling thread being interrupted (a timeout is not). */
    static boolean cancellation(IOException cause) {
        return Thread.currentThread().isInterrupted()
                || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException);
    }
}

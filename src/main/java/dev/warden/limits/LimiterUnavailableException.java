package dev.warden.limits;

/** The limiter's store could not be reached in time; the failover policy decides what the request gets. */
public final class LimiterUnavailableException extends RuntimeException {
    public LimiterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.warden.budget;

/** The shared budget ledger could not be reached for an operator's request (a reset); nothing was changed. */
public final class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

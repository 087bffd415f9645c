package dev.warden.budget;

/** What a reservation does when the shared ledger cannot be reached. */
public enum FailurePolicy {
    /**
     * Enforce with this instance's own in-memory ledger while the shared one is down: exact per instance, not across
     * them (N instances may together admit up to N caps).
     */
    LOCAL,
    /** Admit the call unbudgeted (availability over spend control); its spend is recorded if the ledger is back. */
    FAIL_OPEN,
    /** Refuse the call (spend control over availability). */
    FAIL_CLOSED
}

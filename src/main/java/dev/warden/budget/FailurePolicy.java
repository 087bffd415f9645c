package dev.warden.budget;

/** What a reservation does when the shared ledger cannot be reached. */
public enum FailurePolicy {
    /** Admit the call unbudgeted (availability over spend control); its spend is recorded if the ledger is back. */
    FAIL_OPEN,
    /** Refuse the call (spend control over availability). */
    FAIL_CLOSED
}

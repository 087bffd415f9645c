package dev.warden.limits;

/** What a limit counts; decides what one request is charged against it. */
public enum Measure {
    /** Each request costs 1. */
    REQUESTS,
    /** A request costs its (estimated, later settled) token count. */
    TOKENS
}

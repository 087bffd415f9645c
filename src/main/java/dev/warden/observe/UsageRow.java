package dev.warden.observe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Counters for one UTC day, caller and model. Rows are added, never overwritten: a batch carries the increments
 * since the last one.
 *
 * @param principal the caller id (a key id, "master", a JWT subject)
 * @param model the model as the client named it, or "" when the call named none
 */
public record UsageRow(LocalDate day, String principal, String model, long requests, long errors,
        long promptTokens, long completionTokens, Instant lastRequest) {
    public UsageRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(lastRequest, "lastRequest");
    }
}

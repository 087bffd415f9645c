package dev.warden.budget;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Spend for one UTC day, key, user, team, org and model. Records are added, never overwritten: a batch carries the
 * increments since the last one.
 *
 * @param key the key id, or "" for a caller without one (master key, token)
 * @param user "" when none, likewise {@code team}, {@code org} and {@code model}
 * @param costMicros micro-dollars
 */
public record SpendRecord(LocalDate day, String key, String user, String team, String org, String model,
        long costMicros, long promptTokens, long completionTokens, long requests) {
    public SpendRecord {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(model, "model");
        if (costMicros < 0 || promptTokens < 0 || completionTokens < 0 || requests < 0) {
            throw new IllegalArgumentException("spend counters cannot be negative");
        }
    }
}

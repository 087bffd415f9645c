package dev.warden.budget;

import java.util.Objects;

/** One group of a spend report: a key id, user id, team id, org id, model or day (ISO date), and its sums. */
public record SpendTotal(String group, long costMicros, long promptTokens, long completionTokens, long requests) {
    public SpendTotal {
        Objects.requireNonNull(group, "group");
    }
}

package dev.warden.budget;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Room held on every line for one call until it is settled or released, or until {@code expiresAt}, after which it
 * no longer counts (a crashed call frees its budget by itself).
 *
 * @param amount micro-dollars held on each line
 */
public record Reservation(String id, List<BudgetLine> lines, long amount, Instant expiresAt) {
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        lines = List.copyOf(lines);
        if (id.isEmpty() || id.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a reservation id is non-empty and has no ':': " + id);
        }
    }
}

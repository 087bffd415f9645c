package dev.warden.budget;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Room held on every line for one call until it is settled or released, or until {@code expiresAt}, after which it
 * no longer counts (a crashed call frees its budget by itself).
 *
 * @param holds what is held on each line, each in its line's unit
 */
public record Reservation(String id, List<Hold> holds, Instant expiresAt) {
    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        holds = List.copyOf(holds);
        if (id.isEmpty() || id.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a reservation id is non-empty and has no ':': " + id);
        }
    }

    /** The lines held on, in the order of {@link #holds()}. */
    public List<BudgetLine> lines() {
        return holds.stream().map(Hold::line).toList();
    }
}

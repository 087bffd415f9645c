package dev.warden.budget;

import java.util.List;

/** Where spend records are kept for reports (implemented in {@code dev.warden.store}). */
public interface SpendStore {

    /** Adds every record's counters to the stored ones, in one transaction. */
    void add(List<SpendRecord> increments);

    /** The report: one total per group, the largest spend first. */
    List<SpendTotal> totals(SpendQuery query);
}

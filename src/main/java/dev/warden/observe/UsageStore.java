package dev.warden.observe;

import java.time.LocalDate;
import java.util.List;

/** Where usage counters are kept. */
public interface UsageStore {

    /** Adds every row's counters to the stored ones, in one transaction. */
    void add(List<UsageRow> increments);

    /** The rows of one caller between two days, inclusive, newest first. */
    List<UsageRow> forPrincipal(String principal, LocalDate from, LocalDate to);
}

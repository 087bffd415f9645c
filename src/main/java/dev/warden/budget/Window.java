package dev.warden.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The period a budget's cap applies to. Calendar windows (a day, a month) start at local midnight in a configured
 * zone, so a day is 23 or 25 hours across a DST change. A rolling window counts the spend of the last
 * {@code length}, kept in {@link #ROLLING_BUCKETS} fixed sub-buckets (see {@link Rolling}).
 */
public sealed interface Window {
    /** How many sub-buckets a rolling window is kept in. */
    int ROLLING_BUCKETS = 60;

    /** The calendar day in the zone, bucket id {@code 2026-11-24}. */
    record Daily() implements Window {}

    /** The calendar month in the zone, bucket id {@code 2026-11}. */
    record Monthly() implements Window {}

    /**
     * The last {@code length}, in sub-buckets of {@code length / 60} aligned to the epoch. The spend counted at
     * {@code now} is that of every sub-bucket overlapping {@code [now - length, now]}: it never misses spend inside
     * the window, and may count up to one sub-bucket more (a 24-hour window counts between 24 and 24.4 hours), so
     * a cap is never exceeded, and a sum of at most 61 numbers stays cheap where a log of every spend would not.
     */
    record Rolling(Duration length) implements Window {
        public Rolling {
            Objects.requireNonNull(length, "length");
            if (length.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("a rolling budget window must be at least 1m, not " + length);
            }
        }

        Duration bucket() {
            return Duration.ofMillis(length.toMillis() / ROLLING_BUCKETS);
        }
    }

    /** The span of this window that contains {@code now}, with calendar windows aligned in {@code zone}. */
    default WindowSpan spanAt(Instant now, ZoneId zone) {
        return switch (this) {
            case Daily d -> {
                var day = LocalDate.ofInstant(now, zone);
                yield WindowSpan.calendar(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant(), day.toString());
            }
            case Monthly m -> {
                var first = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.firstDayOfMonth());
                yield WindowSpan.calendar(first.atStartOfDay(zone).toInstant(),
                        first.plusMonths(1).atStartOfDay(zone).toInstant(),
                        first.format(DateTimeFormatter.ofPattern("uuuu-MM")));
            }
            case Rolling r -> {
                long width = r.bucket().toMillis();
                long current = Math.floorDiv(now.toEpochMilli(), width) * width;
                long oldest = Math.floorDiv(now.toEpochMilli() - r.length().toMillis(), width) * width;
                yield WindowSpan.rolling(Instant.ofEpochMilli(oldest), Instant.ofEpochMilli(current + width),
                        "rolling-" + r.length(), r.bucket());
            }
        };
    }
}

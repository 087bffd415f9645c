package dev.warden.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One bucket of a budget window: spend settled at an instant in {@code [start, end)} counts against it.
 *
 * @param id names the bucket within its scope ({@code 2026-11-24}, {@code 2026-11}, {@code rolling-PT24H}); a
 *     rolling window keeps one id, its spend kept per sub-bucket
 * @param bucket the width of a rolling window's sub-buckets; zero for a calendar window, whose spend is one number
 */
public record WindowSpan(Instant start, Instant end, String id, Duration bucket) {
    public WindowSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bucket, "bucket");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window span must end after it starts: " + start + " " + end);
        }
    }

    static WindowSpan calendar(Instant start, Instant end, String id) {
        return new WindowSpan(start, end, id, Duration.ZERO);
    }

    static WindowSpan rolling(Instant start, Instant end, String id, Duration bucket) {
        return new WindowSpan(start, end, id, bucket);
    }

    public boolean rolling() {
        return !bucket.isZero();
    }

    /**
     * The sub-bucket (epoch milliseconds of its start) that spend settled at {@code at} goes to: the window's start
     * for a calendar window, so a call reserved before midnight and settled after is charged to the day it was
     * admitted in; the sub-bucket containing {@code at} for a rolling window, so it ages out when it should.
     */
    long bucketOf(Instant at) {
        if (!rolling()) {
            return start.toEpochMilli();
        }
        long width = bucket.toMillis();
        return Math.max(start.toEpochMilli(), Math.floorDiv(at.toEpochMilli(), width) * width);
    }

    /** Until when this span's state is still needed: its end, or for a rolling window one more length after. */
    Instant relevantUntil() {
        return rolling() ? end.plus(Duration.between(start, end)) : end;
    }
}

package dev.warden.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * The generic cell rate algorithm, as pure arithmetic on microseconds. A limit keeps one number per key, its
 * theoretical arrival time (TAT): when the bucket would be empty again at the configured rate. A request of cost
 * n moves TAT forward by n emission intervals (period / rate); it fits if the new TAT is at most {@code burst}
 * intervals (the tolerance) ahead of now. A TAT in the past means a full bucket. The Redis script repeats exactly
 * the comparison in {@link #wait}; everything else (quotas, retry-after) is derived here from the TATs it returns,
 * so both backends share one reading.
 */
final class Gcra {
    /** Settle deltas are clamped so a wild estimate cannot push a TAT out of double precision in Lua. */
    static final long MAX_SHIFT_MICROS = 1L << 50;

    private Gcra() {}

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** How far {@code cost} units move the TAT: cost × period / rate, rounded toward zero. */
    static long increment(Limit limit, long cost) {
        long magnitude;
        try {
            magnitude = Math.multiplyExact(Math.abs(cost), limit.periodMicros()) / limit.rate();
        } catch (ArithmeticException overflow) {
            magnitude = MAX_SHIFT_MICROS;
        }
        magnitude = Math.min(magnitude, MAX_SHIFT_MICROS);
        return cost < 0 ? -magnitude : magnitude;
    }

    /** How far ahead of now the TAT may run: the burst's worth of intervals. */
    static long tolerance(Limit limit) {
        return increment(limit, limit.burst());
    }

    /** A stored TAT, or none, read as of now: never behind now, since unused time is not saved up. */
    static long base(long storedTat, long now) {
        return Math.max(storedTat, now);
    }

    /** How long the request must wait before it fits; 0 or less means it fits now. */
    static long wait(long base, long increment, long tolerance, long now) {
        return base + increment - tolerance - now;
    }

    /** Where {@code limit} stands with TAT {@code tat}: whole units that still fit, and time until full. */
    static Quota quota(Limit limit, long tat, long now) {
        long base = base(tat, now);
        long room = now + tolerance(limit) - base;
        // The largest k with increment(k) <= room, so "remaining" agrees with what acquire would admit.
        long remaining = room < 0 ? 0 : (long) Math.min(limit.burst(),
                Math.floor(((room + 1.0) * limit.rate() - 1.0) / limit.periodMicros()));
        return new Quota(limit, Math.max(0, remaining), Duration.ofNanos((base - now) * 1_000));
    }

    static Duration duration(long micros) {
        return Duration.ofNanos(Math.max(0, micros) * 1_000);
    }
}

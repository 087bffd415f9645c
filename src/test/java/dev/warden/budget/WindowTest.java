package dev.warden.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void aDayIsLocalMidnightToMidnightInTheZone() {
        var span = new Window.Daily().spanAt(Instant.parse("2026-11-24T03:00:00Z"), NEW_YORK);
        // 03:00 UTC is still the 23rd in New York (UTC-5 in November).
        assertThat(span.id()).isEqualTo("2026-11-23");
        assertThat(span.start()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(span.end()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(span.rolling()).isFalse();
    }

    @Test
    void dstDaysAreTwentyThreeAndTwentyFiveHoursLong() {
        var spring = new Window.Daily().spanAt(Instant.parse("2026-03-08T12:00:00Z"), NEW_YORK);
        assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));
        var autumn = new Window.Daily().spanAt(Instant.parse("2026-11-01T12:00:00Z"), NEW_YORK);
        assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(25));
        assertThat(autumn.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(autumn.end()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
    }

    @Test
    void aucklandDstStartsInSeptemberAndTheDayBeforeIsNotAffected() {
        // NZ daylight time starts 2026-09-27 at 02:00 local (NZST +12 -> NZDT +13).
        var change = new Window.Daily().spanAt(Instant.parse("2026-09-27T05:00:00Z"), AUCKLAND);
        assertThat(change.id()).isEqualTo("2026-09-27");
        assertThat(change.start()).isEqualTo(Instant.parse("2026-09-26T12:00:00Z"));
        assertThat(change.end()).isEqualTo(Instant.parse("2026-09-27T11:00:00Z"));
        // 11:30 UTC on the 26th is 23:30 NZST on the 26th: the day before, 24 hours long.
        var before = new Window.Daily().spanAt(Instant.parse("2026-09-26T11:30:00Z"), AUCKLAND);
        assertThat(before.id()).isEqualTo("2026-09-26");
        assertThat(Duration.between(before.start(), before.end())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theLastInstantOfADayAndTheFirstOfTheNextAreInDifferentBuckets() {
        var last = new Window.Daily().spanAt(Instant.parse("2026-11-24T04:59:59.999Z"), NEW_YORK);
        var first = new Window.Daily().spanAt(Instant.parse("2026-11-24T05:00:00Z"), NEW_YORK);
        assertThat(last.id()).isEqualTo("2026-11-23");
        assertThat(first.id()).isEqualTo("2026-11-24");
        assertThat(last.end()).isEqualTo(first.start());
    }

    @Test
    void monthsEndOnTheirLastDayIncludingLeapFebruaries() {
        var leap = new Window.Monthly().spanAt(Instant.parse("2028-02-29T23:59:59Z"), ZoneOffset.UTC);
        assertThat(leap.id()).isEqualTo("2028-02");
        assertThat(leap.start()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        assertThat(leap.end()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
        assertThat(Duration.between(leap.start(), leap.end())).isEqualTo(Duration.ofDays(29));
        var plain = new Window.Monthly().spanAt(Instant.parse("2027-02-15T00:00:00Z"), ZoneOffset.UTC);
        assertThat(Duration.between(plain.start(), plain.end())).isEqualTo(Duration.ofDays(28));
        var january = new Window.Monthly().spanAt(Instant.parse("2027-01-31T23:59:59.999Z"), ZoneOffset.UTC);
        assertThat(january.id()).isEqualTo("2027-01");
    }

    @Test
    void aMonthIsAlignedToTheZoneAndSpansItsDstChange() {
        // 2026-11-30T12:00Z is already 1 December in Auckland (UTC+13).
        var span = new Window.Monthly().spanAt(Instant.parse("2026-11-30T12:00:00Z"), AUCKLAND);
        assertThat(span.id()).isEqualTo("2026-12");
        assertThat(span.start()).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        var march = new Window.Monthly().spanAt(Instant.parse("2026-03-15T12:00:00Z"), NEW_YORK);
        // Starts in EST (-5), ends in EDT (-4): one hour short of 31 days.
        assertThat(march.start()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        var december = new Window.Monthly().spanAt(Instant.parse("2026-12-31T23:00:00Z"), ZoneOffset.UTC);
        assertThat(december.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void aRollingWindowCoversTheWholeLengthPlusAtMostOneSubBucket() {
        var window = new Window.Rolling(Duration.ofHours(1));
        var now = Instant.parse("2026-11-24T10:30:30Z");
        var span = window.spanAt(now, NEW_YORK);
        assertThat(span.rolling()).isTrue();
        assertThat(span.id()).isEqualTo("rolling-PT1H");
        assertThat(span.bucket()).isEqualTo(Duration.ofMinutes(1));
        assertThat(span.start()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(span.end()).isEqualTo(Instant.parse("2026-11-24T10:31:00Z"));
        for (var probe : new Instant[] {now, Instant.parse("2026-11-24T10:30:00Z"),
                Instant.parse("2026-11-24T10:30:59.999Z"), Instant.parse("2026-11-24T10:31:00Z")}) {
            var s = window.spanAt(probe, AUCKLAND);
            assertThat(s.start()).isBeforeOrEqualTo(probe.minus(window.length()));
            assertThat(Duration.between(s.start(), probe.minus(window.length())))
                    .isLessThan(Duration.ofMinutes(1));
            assertThat(s.end()).isAfter(probe);
        }
        // The zone plays no part in a rolling window.
        assertThat(window.spanAt(now, ZoneOffset.UTC)).isEqualTo(span);
    }

    @Test
    void rollingSpendIsBucketedByWhenItHappened() {
        var span = new Window.Rolling(Duration.ofHours(1)).spanAt(Instant.parse("2026-11-24T10:30:30Z"),
                ZoneOffset.UTC);
        assertThat(span.bucketOf(Instant.parse("2026-11-24T10:45:10Z")))
                .isEqualTo(Instant.parse("2026-11-24T10:45:00Z").toEpochMilli());
        var day = new Window.Daily().spanAt(Instant.parse("2026-11-24T23:59:59Z"), ZoneOffset.UTC);
        // A call admitted before midnight and settled after is charged to the day it was admitted in.
        assertThat(day.bucketOf(Instant.parse("2026-11-25T00:00:05Z"))).isEqualTo(day.start().toEpochMilli());
    }

    @Test
    void aRollingWindowShorterThanAMinuteIsRefused() {
        assertThatThrownBy(() -> new Window.Rolling(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1m");
    }
}

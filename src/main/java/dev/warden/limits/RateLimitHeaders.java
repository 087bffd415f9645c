package dev.warden.limits;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;

/**
 * The response headers OpenAI sends about rate limits, rendered from a decision: limit, remaining and reset for
 * requests and for tokens, and {@code Retry-After} on a refusal. When several limits count the same thing (key,
 * user, team), the one with the least room left is reported: it is the one the client will hit first.
 */
public final class RateLimitHeaders {
    private RateLimitHeaders() {}

    public static SequencedMap<String, String> of(Decision decision) {
        var headers = new LinkedHashMap<String, String>();
        switch (decision) {
            case Decision.Allowed allowed -> quotas(allowed.quotas(), headers);
            case Decision.Refused refused -> {
                quotas(refused.quotas(), headers);
                headers.put("retry-after", Long.toString(retryAfterSeconds(refused.retryAfter())));
            }
            case Decision.TooLarge tooLarge -> { }
            case Decision.Unavailable unavailable -> { }
        }
        return headers;
    }

    /** Whole seconds, rounded up and at least 1, so a client that waits this long finds room. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /**
     * OpenAI's duration format (Go's): {@code 20ms} under a second, else {@code 1s}, {@code 1.5s}, {@code 6m0s},
     * {@code 1h0m0s}. Rounded up to the millisecond, so a reset is never announced early.
     */
    public static String duration(Duration value) {
        long millis = value.isNegative() ? 0 : value.toMillis() + (value.toNanosPart() % 1_000_000 > 0 ? 1 : 0);
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1_000) {
            return millis + "ms";
        }
        var text = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        text.append(millis / 1_000 % 60);
        long fraction = millis % 1_000;
        if (fraction > 0) {
            text.append('.').append(String.format(Locale.ROOT, "%03d", fraction).replaceAll("0+$", ""));
        }
        return text.append('s').toString();
    }

    private static void quotas(List<Quota> quotas, SequencedMap<String, String> headers) {
        for (var measure : Measure.values()) {
            var suffix = switch (measure) {
                case REQUESTS -> "requests";
                case TOKENS -> "tokens";
            };
            quotas.stream()
                    .filter(quota -> quota.limit().measure() == measure)
                    .min(Comparator.comparingLong(Quota::remaining)
                            .thenComparing(Quota::reset, Comparator.reverseOrder()))
                    .ifPresent(tightest -> {
                        headers.put("x-ratelimit-limit-" + suffix, Long.toString(tightest.limit().rate()));
                        headers.put("x-ratelimit-remaining-" + suffix, Long.toString(tightest.remaining()));
                        headers.put("x-ratelimit-reset-" + suffix, duration(tightest.reset()));
                    });
        }
    }
}

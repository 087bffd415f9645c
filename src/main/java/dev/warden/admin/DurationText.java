package dev.warden.admin;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Durations as people write them in the API: {@code 30s}, {@code 15m}, {@code 24h}, {@code 30d}, {@code 1h30m}. */
final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(s|m|h|d)");

    private DurationText() {}

    static Optional<Duration> parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        var total = Duration.ZERO;
        var part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return Optional.of(total);
    }
}

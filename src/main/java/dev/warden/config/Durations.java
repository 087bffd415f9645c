package dev.warden.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses durations written like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or {@code 1m30s}. */
final class Durations {

    static final String EXPECTED = "expected a duration like 30s, 500ms or 2m";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        if (!WHOLE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            long millis = 0;
            var part = PART.matcher(trimmed);
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                long unit = switch (part.group(2)) {
                    case "ms" -> 1;
                    case "s" -> 1_000;
                    case "m" -> 60_000;
                    case "h" -> 3_600_000;
                    default -> 86_400_000;
                };
                millis = Math.addExact(millis, Math.multiplyExact(amount, unit));
            }
            return Optional.of(Duration.ofMillis(millis));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}

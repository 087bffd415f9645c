package dev.warden.config;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Parses sizes like {@code 1048576}, {@code 512KB}, {@code 10MB} or {@code 1GiB}. Units are binary whatever the
 * spelling (KB = KiB = 1024 bytes), because that is what people mean when they size a request body.
 */
final class ByteSizes {

    static final String EXPECTED = "expected a size like 10MB, 512KB or 1048576";

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]i?b?|b)?", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    static OptionalLong parse(String text) {
        var matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        String unit = Optional.ofNullable(matcher.group(2)).orElse("b").toLowerCase(Locale.ROOT);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        try {
            return OptionalLong.of(Math.multiplyExact(Long.parseLong(matcher.group(1)), 1L << shift));
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }
}

package dev.warden.provider.http;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A response's header fields in arrival order. Lookups ignore case and give the first value; an answer has a dozen
 * fields, so a scan beats hashing every name.
 */
final class Headers {
    private String[] names = new String[16];
    private String[] values = new String[16];
    private int size;

    void add(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    @Nullable String first(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        return null;
    }

    int count(String name) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                count++;
            }
        }
        return count;
    }

    /** True when the comma-separated list {@code value} holds {@code token} (ignoring case). */
    static boolean hasToken(@Nullable String value, String token) {
        if (value == null) {
            return false;
        }
        for (String part : value.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** The last entry of a comma-separated list, such as the final transfer coding. */
    static String lastToken(String value) {
        int comma = value.lastIndexOf(',');
        return value.substring(comma + 1).strip();
    }
}

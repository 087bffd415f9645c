package dev.warden.config;

import java.util.Objects;

/**
 * A credential read from the configuration. {@link #toString()} masks it so a logged or printed config never
 * leaks it; only {@link #value()} gives it out, at the one place that sends it upstream or compares it.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
    }

    @Override
    public String toString() {
        return "***";
    }
}

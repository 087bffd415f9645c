package dev.warden.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads {@code {rpm, tpm, max_parallel}} mappings: a model's {@code limits} and {@code limits.global}. */
final class LimitsReader {
    private static final List<String> KEYS = List.of("rpm", "tpm", "max_parallel");
    /** Bounded like the admin API's limits: the limiter keeps a minute in microseconds per unit. */
    private static final int MAX = Integer.MAX_VALUE;

    private LimitsReader() {
    }

    /** The top-level {@code limits} section: {@code global} for now. */
    static RateLimitConfig global(@Nullable Section section) {
        if (section == null) {
            return RateLimitConfig.NONE;
        }
        section.allowOnly(List.of("global"));
        return read(section.section("global"));
    }

    static RateLimitConfig read(@Nullable Section section) {
        if (section == null) {
            return RateLimitConfig.NONE;
        }
        section.allowOnly(KEYS);
        var rpm = count(section, "rpm");
        var tpm = count(section, "tpm");
        var parallel = count(section, "max_parallel");
        return new RateLimitConfig(rpm, tpm, parallel == null ? null : Math.toIntExact(parallel));
    }

    private static @Nullable Long count(Section section, String key) {
        if (section.string(key) == null) {
            return null;
        }
        int value = section.integer(key, -1, 0, MAX);
        return value < 0 ? null : (long) value;
    }
}

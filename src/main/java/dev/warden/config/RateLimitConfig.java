package dev.warden.config;

import org.jspecify.annotations.Nullable;

/**
 * Capacity limits that hold for every caller: on a model alias ({@code models[].limits}) or on the whole gateway
 * ({@code limits.global}). Null means not limited; 0 refuses every call (a model or gateway switched off).
 *
 * @param rpm requests per minute
 * @param tpm tokens per minute (estimated before the call, settled by the reported usage)
 * @param maxParallel requests in flight at once
 */
public record RateLimitConfig(@Nullable Long rpm, @Nullable Long tpm, @Nullable Integer maxParallel) {
    public static final RateLimitConfig NONE = new RateLimitConfig(null, null, null);

    public boolean none() {
        return rpm == null && tpm == null && maxParallel == null;
    }
}

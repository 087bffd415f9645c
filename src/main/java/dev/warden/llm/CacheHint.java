package dev.warden.llm;

import java.util.Objects;

/**
 * A prompt-cache breakpoint the client set on a block or tool (Anthropic's {@code cache_control}). The marker is
 * kept verbatim as JSON rather than modelled, so new fields (a {@code ttl}, a new type) reach a provider that
 * understands them untouched; providers without prompt caching ignore it.
 */
public record CacheHint(RawJson json) {
    public CacheHint {
        Objects.requireNonNull(json, "json");
    }

    public static CacheHint of(String json) {
        return new CacheHint(RawJson.of(json));
    }
}

package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.RetryAfter;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How long a rate-limited client should wait: the {@code Retry-After} header when present, else the
 * {@code google.rpc.RetryInfo} detail Google puts in 429 bodies ({@code "retryDelay": "37s"}). Pure: "now" is given.
 */
final class RetryDelay {
    private RetryDelay() {}

    static @Nullable Long seconds(@Nullable String header, @Nullable JsonNode details, Instant now) {
        var fromHeader = RetryAfter.seconds(header, now);
        return fromHeader != null ? fromHeader : retryInfo(details);
    }

    /** A protobuf Duration in JSON: decimal seconds with an {@code s} suffix. */
    static @Nullable Long retryInfo(@Nullable JsonNode details) {
        if (details == null || !details.isArray()) {
            return null;
        }
        for (var detail : details) {
            if (ProviderJson.text(detail, "@type", "").endsWith("google.rpc.RetryInfo")) {
                var delay = ProviderJson.text(detail, "retryDelay", "");
                if (delay.endsWith("s")) {
                    return RetryAfter.decimalSeconds(delay.substring(0, delay.length() - 1));
                }
            }
        }
        return null;
    }
}

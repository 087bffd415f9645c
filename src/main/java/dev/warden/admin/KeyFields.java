package dev.warden.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reading the key fields that need more than a type check: expiry, pinned deployment, tags. */
final class KeyFields {
    private KeyFields() {}

    /** {@code expires_at} (RFC 3339) or {@code expires_in} ({@code 30d}), not both; null when neither is set. */
    static @Nullable Instant expiry(JsonBody body, Instant now) {
        var at = body.text("expires_at");
        var in = body.text("expires_in");
        if (at != null && in != null) {
            throw AdminError.invalid("expires_in", "Give expires_at or expires_in, not both.");
        }
        if (at != null) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e) {
                throw AdminError.invalid("expires_at", "'expires_at' must be an RFC 3339 time such as "
                        + "2027-01-31T00:00:00Z.");
            }
            if (!instant.isAfter(now)) {
                throw AdminError.unprocessable("expires_at", "'expires_at' is in the past.");
            }
            return instant;
        }
        if (in != null) {
            var duration = DurationText.parse(in).filter(d -> !d.isZero()).orElseThrow(() -> AdminError.invalid(
                    "expires_in", "'expires_in' must be a duration such as 30d, 12h or 90m."));
            return now.plus(duration);
        }
        return null;
    }

    static @Nullable String pinned(@Nullable String pinned, List<String> deployments) {
        if (pinned != null && !deployments.isEmpty() && !deployments.contains(pinned)) {
            throw AdminError.unprocessable("pinned_deployment", "The pinned deployment '" + pinned
                    + "' is not among the key's deployments.");
        }
        return pinned;
    }

    static List<String> tags(List<String> tags) {
        for (var tag : tags) {
            if (tag.isBlank() || tag.length() > 64) {
                throw AdminError.unprocessable("tags", "Tags must be 1 to 64 characters.");
            }
        }
        return tags;
    }

    static @Nullable String alias(@Nullable String alias) {
        if (alias != null && (alias.isBlank() || alias.length() > 200)) {
            throw AdminError.unprocessable("alias", "An alias must be 1 to 200 characters.");
        }
        return alias == null ? null : alias.strip();
    }
}

package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A team inside one organization. */
public record Team(String id, String orgId, String name, @Nullable String tierId, List<String> models,
        Limits limits, Map<String, String> metadata, Instant created) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        Objects.requireNonNull(limits, "limits");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(created, "created");
    }
}

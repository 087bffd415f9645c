package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named template of allowed models and limits that organizations, teams, users and keys inherit by naming it.
 */
public record Tier(String id, String name, List<String> models, Limits limits, Map<String, String> metadata,
        Instant created) {
    public Tier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        Objects.requireNonNull(limits, "limits");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(created, "created");
    }
}

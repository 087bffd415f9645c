package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An organization: the top of the org → team → user tree. */
public record Org(String id, String name, @Nullable String tierId, List<String> models, Limits limits,
        Map<String, String> metadata, Instant created) {
    public Org {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        Objects.requireNonNull(limits, "limits");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(created, "created");
    }
}

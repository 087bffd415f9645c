package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person (or a service identity) known to Warden. Users authenticate with their virtual keys or with a JWT whose
 * mapped user claim equals {@code id} or {@code email}.
 *
 * @param teamIds the teams the user belongs to
 * @param grants the roles the user holds, each in its scope
 */
public record User(String id, String email, @Nullable String name, @Nullable String orgId, List<String> teamIds,
        Set<Grant> grants, @Nullable String tierId, List<String> models, Limits limits, Map<String, String> metadata,
        Instant created) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        teamIds = List.copyOf(teamIds);
        grants = Set.copyOf(grants);
        models = List.copyOf(models);
        Objects.requireNonNull(limits, "limits");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(created, "created");
    }
}

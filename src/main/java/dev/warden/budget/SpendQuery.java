package dev.warden.budget;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Spend between two days (inclusive), grouped by one dimension, optionally narrowed to one key, user, team, org or
 * model (a null filter matches all).
 */
public record SpendQuery(SpendDimension by, LocalDate from, LocalDate to, @Nullable String key,
        @Nullable String user, @Nullable String team, @Nullable String org, @Nullable String model) {
    public SpendQuery {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a spend report's end " + to + " is before its start " + from);
        }
    }

    public static SpendQuery by(SpendDimension by, LocalDate from, LocalDate to) {
        return new SpendQuery(by, from, to, null, null, null, null, null);
    }

    public SpendQuery forKey(String id) {
        return new SpendQuery(by, from, to, id, user, team, org, model);
    }

    public SpendQuery forUser(String id) {
        return new SpendQuery(by, from, to, key, id, team, org, model);
    }

    public SpendQuery forTeam(String id) {
        return new SpendQuery(by, from, to, key, user, id, org, model);
    }

    public SpendQuery forOrg(String id) {
        return new SpendQuery(by, from, to, key, user, team, id, model);
    }

    public SpendQuery forModel(String name) {
        return new SpendQuery(by, from, to, key, user, team, org, name);
    }
}

package dev.warden.budget;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Spend between two days (inclusive), grouped by one dimension, optionally narrowed to one key, user, team, org or
 * model (a null filter matches all), and to what a caller may see ({@code reach}, null for everything).
 */
public record SpendQuery(SpendDimension by, LocalDate from, LocalDate to, @Nullable String key,
        @Nullable String user, @Nullable String team, @Nullable String org, @Nullable String model,
        @Nullable Reach reach) {
    public SpendQuery {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a spend report's end " + to + " is before its start " + from);
        }
    }

    /**
     * The spend a caller may see: rows of any of these organizations, teams or users (a union, since a caller may
     * hold several roles). All empty: nothing.
     */
    public record Reach(Set<String> orgs, Set<String> teams, Set<String> users) {
        public Reach {
            orgs = Set.copyOf(orgs);
            teams = Set.copyOf(teams);
            users = Set.copyOf(users);
        }
    }

    public static SpendQuery by(SpendDimension by, LocalDate from, LocalDate to) {
        return new SpendQuery(by, from, to, null, null, null, null, null, null);
    }

    public SpendQuery forKey(String id) {
        return new SpendQuery(by, from, to, id, user, team, org, model, reach);
    }

    public SpendQuery forUser(String id) {
        return new SpendQuery(by, from, to, key, id, team, org, model, reach);
    }

    public SpendQuery forTeam(String id) {
        return new SpendQuery(by, from, to, key, user, id, org, model, reach);
    }

    public SpendQuery forOrg(String id) {
        return new SpendQuery(by, from, to, key, user, team, id, model, reach);
    }

    public SpendQuery forModel(String name) {
        return new SpendQuery(by, from, to, key, user, team, org, name, reach);
    }

    /** Only what {@code within} reaches; null leaves the query unrestricted. */
    public SpendQuery within(@Nullable Reach within) {
        return new SpendQuery(by, from, to, key, user, team, org, model, within);
    }
}

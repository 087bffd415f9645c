package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where virtual keys are kept. Every write runs in one transaction that also bumps the global revision, so other
 * instances pick it up (see {@link IdentityStore}). Uniqueness (hash, alias) and references (user, team, org, tier)
 * are checked by the store and reported as conflicts or unknown references.
 */
public interface KeyStore {

    /** Stores a new key; {@code revision}-independent fields are taken as given. */
    VirtualKey insert(VirtualKey key);

    Optional<VirtualKey> find(String id);

    /** Keys matching the filter, newest first. */
    List<VirtualKey> list(Filter filter);

    /** Replaces the stored key with the same id (all mutable attributes). */
    VirtualKey update(VirtualKey key);

    /**
     * Rotation in one transaction: stores {@code replacement} and lets the old key live until {@code oldKeyExpires}
     * (the grace period), whichever comes first with its own expiry.
     */
    VirtualKey rotate(String oldKeyId, Instant oldKeyExpires, VirtualKey replacement);

    /**
     * @param user only keys of this user
     * @param team only keys of this team
     * @param org only keys owned in this organization: named by the key, or by its team or user
     * @param includeRevoked whether revoked keys are listed
     * @param limit the most keys returned
     * @param offset how many to skip
     * @param reach only keys within this reach; null for every key
     */
    record Filter(@Nullable String user, @Nullable String team, @Nullable String org, boolean includeRevoked,
            int limit, int offset, @Nullable Reach reach) {
        public static final Filter ALL = new Filter(null, null, null, true, 1000, 0);

        public Filter {
            // PostgreSQL rejects a negative LIMIT as a database failure and SQLite reads it as "no limit".
            if (limit < 0 || offset < 0) {
                throw new IllegalArgumentException("limit and offset must not be negative");
            }
        }

        public Filter(@Nullable String user, @Nullable String team, @Nullable String org, boolean includeRevoked,
                int limit, int offset) {
            this(user, team, org, includeRevoked, limit, offset, null);
        }
    }

    /**
     * The keys a caller may see, as a union: keys owned in one of {@code orgs} (named by the key, or by its team or
     * user), keys of one of {@code teams}, and keys of one of {@code users}. Empty sets reach nothing.
     */
    record Reach(Set<String> orgs, Set<String> teams, Set<String> users) {
        public Reach {
            orgs = Set.copyOf(orgs);
            teams = Set.copyOf(teams);
            users = Set.copyOf(users);
        }
    }
}

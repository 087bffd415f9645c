package dev.warden.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The write side of organizations, teams, users and tiers, for the admin API. Every write is one transaction that
 * also bumps the global revision (see {@link IdentityStore}), so nothing is ever half-written and every instance
 * notices the change. Failures are reported by the store as conflicts (a duplicate name or email, or deleting
 * something still in use, with a message that says what) or unknown references; an update or delete of an id that
 * does not exist throws {@link java.util.NoSuchElementException}.
 */
public interface DirectoryStore {

    /** Every organization, team, user and tier, as one copy: the read side of the admin API. */
    Directory snapshot();

    void createOrg(Org org);

    void updateOrg(Org org);

    /** Refused while the organization has teams, users or keys that are not revoked; its revoked keys go with it. */
    void deleteOrg(String id);

    void createTeam(Team team);

    void updateTeam(Team team);

    /**
     * Refused while the team owns keys that are not revoked. Its memberships, the roles scoped to it and its revoked
     * keys go with it.
     */
    void deleteTeam(String id);

    /** Stores the user with its team memberships and roles. */
    void createUser(User user);

    /** Replaces the user's attributes, team memberships and roles. */
    void updateUser(User user);

    /** Refused while the user owns keys that are not revoked; memberships, roles and revoked keys go with it. */
    void deleteUser(String id);

    void createTier(Tier tier);

    void updateTier(Tier tier);

    /** Refused while an organization, team, user or unrevoked key uses the tier. */
    void deleteTier(String id);

    void addMember(String teamId, String userId);

    void removeMember(String teamId, String userId);

    void setGrants(String userId, Set<Grant> grants);

    /**
     * Stores a key and, when it is new, its user, in one transaction (a bulk import's row). With {@code dryRun}
     * every check the database makes runs, and the transaction is rolled back.
     */
    void enroll(Enrollment enrollment, boolean dryRun);

    /** @param newUser the key's user, when it must be created with the key */
    record Enrollment(@Nullable User newUser, VirtualKey key) {}
}

package dev.warden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The read side the gateway's in-memory key ring is filled from. Every write to identity data bumps one global
 * revision in the same transaction and stamps the written rows with it, so an instance that polls
 * {@link #revision()} sees every change made by any instance, and loads only the keys that changed.
 */
public interface IdentityStore {

    /** The latest revision; it only grows. */
    long revision();

    /** Every organization, team, user and tier. */
    Directory directory();

    /** Keys (including disabled and revoked ones) written after {@code revision}. */
    List<VirtualKey> keysChangedSince(long revision);

    /** Records when keys were last used. Called in batches off the request path. */
    void recordLastUsed(Map<String, Instant> lastUsedByKeyId);
}

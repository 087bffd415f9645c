package dev.warden.limits;

import dev.warden.redis.RedisConnections;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Limits shared by every instance through one Redis. Each operation is one Lua script, so the read, the decision
 * and the write happen atomically on the server with no lock and one round trip.
 *
 * <p>Time comes from the gateway ({@code now}), not from Redis {@code TIME}: tests drive it, and scripts stay
 * deterministic. The cost is that instances must keep their clocks in step: an instance whose clock runs δ
 * ahead sees buckets as δ·rate/period units fuller than they are, one running behind sees them emptier. With NTP
 * (δ of a few milliseconds) that is a fraction of a request at usual rpm/tpm; TATs never move backwards
 * (they are max'd with now), so a lagging clock cannot erase what others charged.
 *
 * <p>Every Redis call is bounded by the client's socket timeout; any failure surfaces as
 * {@link LimiterUnavailableException}, for {@link FailoverRateLimiter} to apply its policy.
 *
 * <p>The keys of one acquire are touched by one script, so on Redis Cluster they would need one hash slot
 * (a {@code {tag}} in the prefix); a single Redis or a Sentinel setup needs nothing.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    private static final LuaScript ACQUIRE = LuaScript.load("acquire.lua");
    private static final LuaScript SETTLE = LuaScript.load("bucket.lua", "settle.lua");
    private static final LuaScript SLOT = LuaScript.load("slot.lua");
    private static final LuaScript RELEASE = LuaScript.load("release.lua");
    private static final LuaScript FINISH = LuaScript.load("bucket.lua", "finish.lua");

    private final UnifiedJedis redis;
    private final String prefix;
    private final Supplier<String> leaseIds;

    /**
     * @param redis a pooled client (see {@link #connect}); closed with this limiter
     * @param prefix put before every key, e.g. {@code warden:rl:}
     * @param leaseIds unique ids for concurrency leases
     */
    public RedisRateLimiter(UnifiedJedis redis, String prefix, Supplier<String> leaseIds) {
        this.redis = redis;
        this.prefix = prefix;
        this.leaseIds = leaseIds;
    }

    /**
     * A limiter on a pooled client with short timeouts: connecting and each reply are bounded by {@code timeout}
     * (200 ms is a good value), and waiting for a free pooled connection as well, so no request hangs on Redis.
     */
    public static RedisRateLimiter connect(String host, int port, String prefix, Duration timeout) {
        return connect(URI.create("redis://" + host + ":" + port), null, prefix, timeout);
    }

    /**
     * As {@link #connect(String, int, String, Duration)}, for {@code redis://[user:password@]host[:port][/db]}
     * ({@code rediss://} for TLS); {@code password}, when given, wins over one in the URL.
     */
    public static RedisRateLimiter connect(URI url, @Nullable String password, String prefix, Duration timeout) {
        return new RedisRateLimiter(RedisConnections.pool(url, password, timeout, 64, "warden-limits"), prefix,
                () -> UUID.randomUUID().toString());
    }

    @Override
    public Decision acquire(List<Limit> limits, long tokens, Instant now) {
        var early = Charge.precheck(limits, tokens);
        if (early.isPresent()) {
            return early.get();
        }
        if (limits.isEmpty()) {
            return new Decision.Allowed(List.of());
        }
        long at = Gcra.micros(now);
        var keys = new ArrayList<String>(limits.size());
        var args = new ArrayList<String>(1 + 2 * limits.size());
        args.add(Long.toString(at));
        for (var limit : limits) {
            keys.add(prefix + limit.key());
            args.add(Long.toString(Gcra.increment(limit, limit.costOf(tokens))));
            args.add(Long.toString(Gcra.tolerance(limit)));
        }
        var reply = (List<?>) call(() -> ACQUIRE.run(redis, keys, args));
        long[] tats = new long[limits.size()];
        for (int i = 0; i < tats.length; i++) {
            tats[i] = (Long) reply.get(i + 1);
        }
        return (Long) reply.get(0) == 1L
                ? Charge.allowed(limits, tats, at)
                : Charge.refused(limits, tokens, tats, at);
    }

    @Override
    public void settle(List<Limit> limits, long delta, Instant now) {
        if (delta == 0 || limits.isEmpty()) {
            return;
        }
        var keys = new ArrayList<String>(limits.size());
        var args = new ArrayList<String>(limits.size() + 1);
        args.add(Long.toString(Gcra.micros(now)));
        for (var limit : limits) {
            keys.add(prefix + limit.key());
            args.add(Long.toString(Gcra.increment(limit, delta)));
        }
        call(() -> SETTLE.run(redis, keys, args));
    }

    @Override
    public SlotDecision acquireSlots(List<Concurrency> limits, Instant now) {
        var id = leaseIds.get();
        var keys = new ArrayList<String>(limits.size());
        var args = new ArrayList<String>(2 + 3 * limits.size());
        args.add(Long.toString(Gcra.micros(now)));
        args.add(id);
        var leases = new ArrayList<Lease>(limits.size());
        for (var concurrency : limits) {
            var expires = now.plus(concurrency.lease());
            keys.add(prefix + concurrency.key());
            args.add(Long.toString(Gcra.micros(expires)));
            args.add(Integer.toString(concurrency.max()));
            args.add(Long.toString(concurrency.lease().toMillis() + 1_000));
            leases.add(new Lease(concurrency.key(), id, expires));
        }
        if (limits.isEmpty()) {
            return new SlotDecision.Granted(leases);
        }
        int full = Math.toIntExact((Long) call(() -> SLOT.run(redis, keys, args)));
        if (full == 0) {
            return new SlotDecision.Granted(leases);
        }
        var busy = limits.get(full - 1);
        return new SlotDecision.Busy(busy.key(), busy.max());
    }

    @Override
    public void release(List<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        var keys = leases.stream().map(lease -> prefix + lease.key()).toList();
        var ids = leases.stream().map(Lease::id).toList();
        call(() -> RELEASE.run(redis, keys, ids));
    }

    @Override
    public void finish(List<Lease> leases, List<Limit> limits, long delta, Instant now) {
        var settled = delta == 0 ? List.<Limit>of() : limits;
        if (leases.isEmpty() || settled.isEmpty()) {
            RateLimiter.super.finish(leases, settled, delta, now);
            return;
        }
        var keys = new ArrayList<String>(leases.size() + settled.size());
        var args = new ArrayList<String>(2 + leases.size() + settled.size());
        args.add(Long.toString(Gcra.micros(now)));
        args.add(Integer.toString(leases.size()));
        for (var lease : leases) {
            keys.add(prefix + lease.key());
            args.add(lease.id());
        }
        for (var limit : settled) {
            keys.add(prefix + limit.key());
            args.add(Long.toString(Gcra.increment(limit, delta)));
        }
        call(() -> FINISH.run(redis, keys, args));
    }

    @Override
    public void close() {
        redis.close();
    }

    private static Object call(Supplier<Object> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new LimiterUnavailableException("Redis rate limiter unavailable: " + e.getMessage(), e);
        }
    }
}

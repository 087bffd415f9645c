package dev.warden.budget;

import dev.warden.redis.FailurePolicy;
import dev.warden.redis.Circuit;
import dev.warden.redis.RedisConnections;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A ledger shared by every instance through Redis. Each operation is one Lua script, so a multi-line check-and-hold
 * is atomic across instances; per line it keeps a hash (held total, spend per sub-bucket, fired thresholds) and a
 * sorted set of holds scored by expiry, swept inside every script. Keys expire {@code grace} after the window stops
 * mattering. When Redis cannot be reached, a reservation follows the {@link FailurePolicy}; a settle or release is
 * logged and dropped (spend cannot be recorded, and refusing a call that already ran helps nobody), except under
 * {@link FailurePolicy#LOCAL}, which records it in this instance's own ledger.
 *
 * <p>Redis Cluster: the keys of one call would span slots; give every scope one hash tag in {@code prefix} (e.g.
 * {@code "warden:{budget}:"}) to keep a deployment's budgets on one shard.
 */
public final class RedisBudgetLedger implements BudgetLedger {
    private static final System.Logger LOG = System.getLogger("warden.budget");

    private final UnifiedJedis redis;
    private final String prefix;
    private final FailurePolicy policy;
    private final Duration grace;
    private final Supplier<String> ids;
    /** Used only under {@link FailurePolicy#LOCAL} while Redis is unreachable. */
    private final InMemoryBudgetLedger local;
    private final Script reserve = Script.load("reserve.lua");
    private final Script settle = Script.load("settle.lua");
    private final Script release = Script.load("release.lua");
    private final Script reset = Script.load("reset.lua");
    /** Three failures in a row skip Redis for a second, as the rate limiter does: a dead Redis costs no waits. */
    private final Circuit circuit = new Circuit(3, Duration.ofSeconds(1));


    private RedisBudgetLedger(UnifiedJedis redis, String prefix, FailurePolicy policy, Duration grace,
            Supplier<String> ids) {
        this.redis = redis;
        this.prefix = prefix;
        this.policy = policy;
        this.grace = grace;
        this.ids = ids;
        this.local = new InMemoryBudgetLedger(ids);
    }

    /**
     * @param redis a pooled client; see {@link #client}
     * @param prefix put before every key, so several deployments (or tests) can share one Redis
     * @param grace how long a window's keys outlive it
     */
    public static RedisBudgetLedger create(UnifiedJedis redis, String prefix, FailurePolicy policy, Duration grace) {
        return create(redis, prefix, policy, grace, () -> UUID.randomUUID().toString());
    }

    static RedisBudgetLedger create(UnifiedJedis redis, String prefix, FailurePolicy policy, Duration grace,
            Supplier<String> ids) {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(grace, "grace");
        return new RedisBudgetLedger(redis, prefix, policy, grace, ids);
    }

    /**
     * A pooled client whose every wait (connect, read, borrowing a connection) is bounded by {@code timeout}, so an
     * unreachable Redis costs a call at most about that long instead of hanging it.
     */
    public static UnifiedJedis client(String host, int port, Duration timeout, int poolSize) {
        return RedisConnections.pool(URI.create("redis://" + host + ":" + port), null, timeout, poolSize,
                "warden-budgets");
    }

    @Override
    public ReserveResult reserve(List<Hold> holds, Instant now, Duration ttl) {
        Amounts.checkReserve(holds, ttl);
        var reservation = new Reservation(ids.get(), holds, now.plus(ttl));
        if (holds.isEmpty()) {
            return new ReserveResult.Granted(reservation);
        }
        var args = new ArrayList<String>();
        args.add(Long.toString(now.toEpochMilli()));
        args.add(reservation.id());
        args.add(Long.toString(reservation.expiresAt().toEpochMilli()));
        for (var hold : holds) {
            args.add(Long.toString(hold.amount()));
            args.add(Long.toString(hold.line().cap()));
            args.add(Long.toString(hold.line().span().start().toEpochMilli()));
            args.add(Long.toString(keyExpiry(hold.line(), reservation.expiresAt())));
        }
        var lines = reservation.lines();
        if (attempt(now)) {
            try {
                var result = (List<?>) reserve.run(redis, keys(lines), args);
                reached();
                if (((Long) result.getFirst()) == 1L) {
                    return new ReserveResult.Granted(reservation);
                }
                var line = lines.get(((Long) result.get(1)).intValue() - 1);
                return new ReserveResult.Refused(line, (Long) result.get(2));
            } catch (JedisException unreachable) {
                failed(now, unreachable);
            }
        }
        circuit.fellBack();
        return switch (policy) {
            case LOCAL -> local.reserve(holds, now, ttl);
            case FAIL_OPEN -> new ReserveResult.Granted(reservation);
            case FAIL_CLOSED -> new ReserveResult.Unavailable("the budget ledger is unavailable");
        };
    }

    /** Whether to call Redis now: not while the circuit is open after consecutive failures. */
    private boolean attempt(Instant now) {
        return circuit.attempt(now.toEpochMilli() * 1_000);
    }

    private void reached() {
        if (circuit.succeeded()) {
            LOG.log(Level.INFO, "budget ledger reachable again");
        }
    }

    /** Counts the failure; the outage is logged once, when the circuit opens, not once per call. */
    private void failed(Instant now, JedisException unreachable) {
        if (circuit.failed(now.toEpochMilli() * 1_000)) {
            LOG.log(Level.WARNING, "budget ledger unreachable; until it answers again reservations are " + switch (policy) {
                case LOCAL -> "checked against this instance's ledger";
                case FAIL_OPEN -> "admitted unbudgeted";
                case FAIL_CLOSED -> "refused";
            } + ": " + unreachable.getMessage());
        }
    }

    /** The circuit in front of Redis, with its counters (for metrics). */
    public Circuit circuit() {
        return circuit;
    }

    @Override
    public Settlement settle(Reservation reservation, List<Long> actuals, Instant now) {
        Amounts.checkActuals(reservation, actuals);
        var lines = reservation.lines();
        if (lines.isEmpty()) {
            return Settlement.NONE;
        }
        var args = new ArrayList<String>();
        args.add(Long.toString(now.toEpochMilli()));
        args.add(reservation.id());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            args.add(Long.toString(reservation.holds().get(i).amount()));
            args.add(Long.toString(actuals.get(i)));
            args.add(Long.toString(line.span().start().toEpochMilli()));
            args.add(Long.toString(line.span().bucketOf(now)));
            args.add(Long.toString(keyExpiry(line, now)));
            args.add(line.span().rolling() ? "1" : "0");
            args.add(Long.toString(line.cap()));
            args.add(line.thresholds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        if (policy == FailurePolicy.LOCAL) {
            // Drops a hold granted locally during an outage; a no-op for one granted by Redis.
            local.release(reservation, now);
        }
        if (attempt(now)) {
            try {
                var result = (List<?>) settle.run(redis, keys(lines), args);
                reached();
                var crossed = new ArrayList<ThresholdCrossing>();
                for (int i = 0; i + 2 < result.size(); i += 3) {
                    var line = lines.get(((Long) result.get(i)).intValue() - 1);
                    crossed.add(new ThresholdCrossing(line.scope(), line.span().id(),
                            ((Long) result.get(i + 1)).intValue(), line.cap(), (Long) result.get(i + 2), now,
                            line.unit()));
                }
                return new Settlement(crossed);
            } catch (JedisException unreachable) {
                failed(now, unreachable);
            }
        }
        // Under LOCAL the spend counts on this instance; otherwise it is not recorded in the shared ledger.
        return policy == FailurePolicy.LOCAL ? local.settle(reservation, actuals, now) : Settlement.NONE;
    }

    @Override
    public void release(Reservation reservation, Instant now) {
        if (reservation.holds().isEmpty()) {
            return;
        }
        if (policy == FailurePolicy.LOCAL) {
            local.release(reservation, now);
        }
        var args = new ArrayList<String>();
        args.add(Long.toString(now.toEpochMilli()));
        args.add(reservation.id());
        reservation.holds().forEach(hold -> args.add(Long.toString(hold.amount())));
        if (attempt(now)) {
            try {
                release.run(redis, keys(reservation.lines()), args);
                reached();
            } catch (JedisException unreachable) {
                // The hold expires by itself after its ttl.
                failed(now, unreachable);
            }
        }
    }

    @Override
    public void reset(BudgetLine line, Instant now) {
        if (policy == FailurePolicy.LOCAL) {
            // Spend recorded locally during an outage belongs to the same window: it is reset as well.
            local.reset(line, now);
        }
        try {
            reset.run(redis, List.of(hashKey(line)), List.of());
        } catch (JedisException unreachable) {
            throw new LedgerUnavailableException("the budget ledger is unavailable: " + unreachable.getMessage(),
                    unreachable);
        }
    }

    @Override
    public LineState state(BudgetLine line, Instant now) {
        try {
            return read(line, now);
        } catch (JedisException unreachable) {
            throw new LedgerUnavailableException("the budget ledger is unavailable: " + unreachable.getMessage(),
                    unreachable);
        }
    }

    private LineState read(BudgetLine line, Instant now) {
        var hash = hashKey(line);
        // Read-only view: expired holds and old sub-buckets are left for the next script to sweep.
        long held = 0;
        for (var member : redis.zrangeByScore(hash + ":holds", Long.toString(now.toEpochMilli() + 1), "+inf")) {
            held += Long.parseLong(member.substring(member.lastIndexOf(':') + 1));
        }
        long spent = 0;
        for (var field : redis.hgetAll(hash).entrySet()) {
            if (field.getKey().startsWith("s:")
                    && Long.parseLong(field.getKey().substring(2)) >= line.span().start().toEpochMilli()) {
                spent += Long.parseLong(field.getValue());
            }
        }
        return new LineState(spent, held);
    }

    private String hashKey(BudgetLine line) {
        return prefix + "budget:" + line.scope() + ":" + line.span().id();
    }

    private List<String> keys(List<BudgetLine> lines) {
        var keys = new ArrayList<String>(lines.size() * 2);
        for (var line : lines) {
            var hash = hashKey(line);
            keys.add(hash);
            keys.add(hash + ":holds");
        }
        return keys;
    }

    private long keyExpiry(BudgetLine line, Instant atLeast) {
        var until = line.span().relevantUntil();
        return (until.isAfter(atLeast) ? until : atLeast).plus(grace).toEpochMilli();
    }

    /** A script run by its SHA, sent again when Redis lost it (restart, SCRIPT FLUSH). */
    private record Script(String source, String sha) {
        static Script load(String name) {
            var source = read("common.lua") + "\n" + read(name);
            return new Script(source, sha1(source));
        }

        /**
         * @throws JedisException when Redis cannot be reached (the failure policy applies)
         * @throws IllegalStateException when the script failed: a bug, not an outage, so no policy hides it
         */
        Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
            try {
                try {
                    return redis.evalsha(sha, keys, args);
                } catch (JedisNoScriptException missing) {
                    return redis.eval(source, keys, args);
                }
            } catch (JedisDataException failed) {
                throw new IllegalStateException("budget script failed: " + failed.getMessage(), failed);
            }
        }

        private static String read(String name) {
            try (InputStream in = RedisBudgetLedger.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing budget script " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String sha1(String source) {
            try {
                var digest = java.security.MessageDigest.getInstance("SHA-1")
                        .digest(source.getBytes(StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

-- Takes a concurrency slot under every key, or under none. KEYS[i]: a sorted set of lease ids scored by their
-- expiry (microseconds). ARGV: [1] now (microseconds), [2] the lease id, then per key i three values at
-- 3 * i: its lease's expiry (microseconds), its max slots, its key TTL (ms).
-- Lapsed leases (a crashed instance's) are dropped first, so their slots come back without a release.
-- Returns 0 when every slot was taken, else the index of the first key that is full (nothing taken).
local now = ARGV[1]
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 * i + 1]) then
    return i
  end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, ARGV[3 * i], ARGV[2])
  local ttl = tonumber(ARGV[3 * i + 2])
  if redis.call('PTTL', key) < ttl then
    redis.call('PEXPIRE', key, ttl)
  end
end
return 0

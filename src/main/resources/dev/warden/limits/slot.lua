-- Takes a concurrency slot. KEYS[1]: a sorted set of lease ids scored by their expiry (microseconds).
-- ARGV: [1] now, [2] this lease's expiry (both microseconds), [3] lease id, [4] max slots, [5] key TTL (ms).
-- Lapsed leases (a crashed instance's) are dropped first, so their slots come back without a release.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[5]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
end
return 1

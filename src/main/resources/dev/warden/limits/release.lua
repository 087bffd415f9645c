-- Hands slots back. KEYS[i]: a sorted set of leases; ARGV[i]: the lease id to drop from it.
for i, key in ipairs(KEYS) do
  redis.call('ZREM', key, ARGV[i])
end
return 1

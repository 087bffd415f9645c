-- After a call: hands its slots back and moves its token buckets (see shift in bucket.lua, which is prepended),
-- in one round trip. KEYS: first ARGV[2] lease sets, then the token buckets. ARGV: [1] now (microseconds), [2] n,
-- the number of lease sets; [2 + i] for i <= n: the lease id to drop from KEYS[i]; then, per bucket KEYS[j] with
-- j > n, its shift (microseconds) at ARGV[2 + j].
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
for i = 1, n do
  redis.call('ZREM', KEYS[i], ARGV[2 + i])
end
for j = n + 1, #KEYS do
  shift(KEYS[j], now, tonumber(ARGV[2 + j]))
end
return 1

-- After a call: hands its slots back and moves its token buckets by signed shifts, in one round trip.
-- KEYS: first ARGV[2] lease sets, then the token buckets. ARGV: [1] now (microseconds), [2] n, the number of
-- lease sets; [2 + i] for i <= n: the lease id to drop from KEYS[i]; then, per bucket KEYS[n + j], its shift
-- (microseconds) at ARGV[2 + n + j]. A bucket whose TAT falls to or before now is full and dropped.
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
for i = 1, n do
  redis.call('ZREM', KEYS[i], ARGV[2 + i])
end
for j = n + 1, #KEYS do
  local key = KEYS[j]
  local base = now
  local stored = redis.call('GET', key)
  if stored then
    base = math.max(tonumber(stored), now)
  end
  local tat = base + tonumber(ARGV[2 + j])
  if tat <= now then
    redis.call('DEL', key)
  else
    local ttl = math.ceil((tat - now) / 1000) + 1000
    redis.call('SET', key, string.format('%.0f', tat), 'PX', string.format('%.0f', ttl))
  end
end
return 1

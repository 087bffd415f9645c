-- Moves GCRA buckets' TATs by signed shifts (microseconds): forward for tokens used beyond the estimate, back to
-- give over-estimated tokens back. A TAT at or before now is a full bucket, so the key is dropped.
-- KEYS[i]: a bucket. ARGV[1]: now (microseconds). ARGV[1 + i]: the shift of KEYS[i] (microseconds).
local now = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local base = now
  local stored = redis.call('GET', key)
  if stored then
    base = math.max(tonumber(stored), now)
  end
  local tat = base + tonumber(ARGV[1 + i])
  if tat <= now then
    redis.call('DEL', key)
  else
    local ttl = math.ceil((tat - now) / 1000) + 1000
    redis.call('SET', key, string.format('%.0f', tat), 'PX', string.format('%.0f', ttl))
  end
end
return 1

-- Shared by the scripts that move token buckets: moves one GCRA bucket's TAT by a signed shift (microseconds),
-- forward for tokens used beyond the estimate, back to give over-estimated tokens back. A TAT at or before now is
-- a full bucket, so the key is dropped.
local function shift(key, now, by)
  local base = now
  local stored = redis.call('GET', key)
  if stored then
    base = math.max(tonumber(stored), now)
  end
  local tat = base + by
  if tat <= now then
    redis.call('DEL', key)
  else
    local ttl = math.ceil((tat - now) / 1000) + 1000
    redis.call('SET', key, string.format('%.0f', tat), 'PX', string.format('%.0f', ttl))
  end
end

-- Moves one GCRA bucket's TAT by a signed shift (microseconds): forward for tokens used beyond the estimate,
-- back to give over-estimated tokens back. A TAT at or before now is a full bucket, so the key is dropped.
-- KEYS[1]: the bucket. ARGV[1]: now (microseconds). ARGV[2]: the shift (microseconds).
local now = tonumber(ARGV[1])
local base = now
local stored = redis.call('GET', KEYS[1])
if stored then
  base = math.max(tonumber(stored), now)
end
local tat = base + tonumber(ARGV[2])
if tat <= now then
  redis.call('DEL', KEYS[1])
  return 0
end
local ttl = math.ceil((tat - now) / 1000) + 1000
redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', string.format('%.0f', ttl))
return 1

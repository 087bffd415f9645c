-- Charges one request against several GCRA buckets, all or none.
-- KEYS: one bucket per limit, holding its theoretical arrival time (TAT) in microseconds.
-- ARGV[1]: now (microseconds, the gateway's clock); then, per key i, ARGV[2i] the increment and ARGV[2i+1] the
-- tolerance, both in microseconds and computed by the caller, so this script only adds and compares.
-- Returns {1, new TAT per key} when every bucket has room (all charged), {0, TAT per key} otherwise (none charged).
local now = tonumber(ARGV[1])
local tats = {}
local fits = 1
for i = 1, #KEYS do
  local base = now
  local stored = redis.call('GET', KEYS[i])
  if stored then
    base = math.max(tonumber(stored), now)
  end
  local increment = tonumber(ARGV[2 * i])
  local tolerance = tonumber(ARGV[2 * i + 1])
  if base + increment - tolerance - now > 0 then
    fits = 0
  end
  tats[i] = base + increment
  if stored then
    tats[#KEYS + i] = tonumber(stored)
  else
    tats[#KEYS + i] = now
  end
end
local reply = {fits}
for i = 1, #KEYS do
  if fits == 1 then
    local ttl = math.ceil((tats[i] - now) / 1000) + 1000
    redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', string.format('%.0f', ttl))
    reply[i + 1] = tats[i]
  else
    reply[i + 1] = tats[#KEYS + i]
  end
end
return reply

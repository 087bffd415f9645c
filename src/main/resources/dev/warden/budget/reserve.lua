-- KEYS: hash, holds per line. ARGV: now, reservation id, expiry, then per line amount, cap, window start, key
-- expiry. Each line holds its own amount (lines may count different units), as member '<id>:<amount>'.
-- Returns {1} when held on every line, or {0, line index, remaining} with nothing held.
local now = tonumber(ARGV[1])
local lines = #KEYS / 2
for i = 1, lines do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local base = 3 + 4 * (i - 1)
  local amount, cap, start = tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
  sweep(hash, holds, now)
  local used = spent(hash, start) + reserved(hash)
  if used + amount > cap then
    return {0, i, math.max(0, cap - used)}
  end
end
for i = 1, lines do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local base = 3 + 4 * (i - 1)
  local amount, expireAt = ARGV[base + 1], ARGV[base + 4]
  if redis.call('ZADD', holds, 'NX', ARGV[3], ARGV[2] .. ':' .. amount) == 1 then
    redis.call('HINCRBY', hash, 'reserved', amount)
  end
  redis.call('PEXPIREAT', hash, expireAt, 'GT')
  redis.call('PEXPIREAT', holds, expireAt, 'GT')
  if redis.call('PTTL', hash) < 0 then redis.call('PEXPIREAT', hash, expireAt) end
  if redis.call('PTTL', holds) < 0 then redis.call('PEXPIREAT', holds, expireAt) end
end
return {1}

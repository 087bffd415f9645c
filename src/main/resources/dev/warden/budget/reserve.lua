-- KEYS: hash, holds per line. ARGV: now, member, amount, expiry, then per line cap, window start, key expiry.
-- Returns {1} when held on every line, or {0, line index, remaining} with nothing held.
local now = tonumber(ARGV[1])
local amount = tonumber(ARGV[3])
local lines = #KEYS / 2
for i = 1, lines do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local cap, start = tonumber(ARGV[4 + 3 * i - 2]), tonumber(ARGV[4 + 3 * i - 1])
  sweep(hash, holds, now)
  local used = spent(hash, start) + reserved(hash)
  if used + amount > cap then
    return {0, i, math.max(0, cap - used)}
  end
end
for i = 1, lines do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local expireAt = ARGV[4 + 3 * i]
  if redis.call('ZADD', holds, 'NX', ARGV[4], ARGV[2]) == 1 then
    redis.call('HINCRBY', hash, 'reserved', ARGV[3])
  end
  redis.call('PEXPIREAT', hash, expireAt, 'GT')
  redis.call('PEXPIREAT', holds, expireAt, 'GT')
  if redis.call('PTTL', hash) < 0 then redis.call('PEXPIREAT', hash, expireAt) end
  if redis.call('PTTL', holds) < 0 then redis.call('PEXPIREAT', holds, expireAt) end
end
return {1}

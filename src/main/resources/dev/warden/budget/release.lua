-- KEYS: hash, holds per line. ARGV: now, reservation id, then per line the held amount. Drops the hold on every
-- line that still has it.
local now = tonumber(ARGV[1])
for i = 1, #KEYS / 2 do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local amount = ARGV[2 + i]
  sweep(hash, holds, now)
  if redis.call('ZREM', holds, ARGV[2] .. ':' .. amount) == 1 and amount ~= '0' then
    redis.call('HINCRBY', hash, 'reserved', '-' .. amount)
  end
end
return 1

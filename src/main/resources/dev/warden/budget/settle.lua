-- KEYS: hash, holds per line. ARGV: now, reservation id, then per line held amount, actual, window start, bucket,
-- key expiry, rolling (1/0), cap, thresholds (space-separated percentages, may be empty).
-- Returns a flat list of newly crossed thresholds: line index, percent, spent; per crossing.
local now = tonumber(ARGV[1])
local crossed = {}
for i = 1, #KEYS / 2 do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local base = 2 + 8 * (i - 1)
  local held, actual = ARGV[base + 1], ARGV[base + 2]
  local start, bucket, expireAt = tonumber(ARGV[base + 3]), ARGV[base + 4], ARGV[base + 5]
  local rolling, cap, thresholds = ARGV[base + 6] == '1', tonumber(ARGV[base + 7]), ARGV[base + 8]
  sweep(hash, holds, now)
  if redis.call('ZREM', holds, ARGV[2] .. ':' .. held) == 1 and held ~= '0' then
    redis.call('HINCRBY', hash, 'reserved', '-' .. held)
  end
  if tonumber(actual) > 0 then
    redis.call('HINCRBY', hash, 's:' .. bucket, actual)
  end
  if thresholds ~= '' then
    local total = spent(hash, start)
    for percent in string.gmatch(thresholds, '%d+') do
      if total * 100 >= tonumber(percent) * cap then
        if redis.call('HSETNX', hash, 't:' .. percent, '1') == 1 then
          table.insert(crossed, i)
          table.insert(crossed, tonumber(percent))
          table.insert(crossed, total)
        end
      elseif rolling then
        redis.call('HDEL', hash, 't:' .. percent)
      end
    end
  end
  redis.call('PEXPIREAT', hash, expireAt, 'GT')
  if redis.call('PTTL', hash) < 0 then redis.call('PEXPIREAT', hash, expireAt) end
end
return crossed

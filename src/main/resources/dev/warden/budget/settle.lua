-- KEYS: hash, holds per line. ARGV: now, member, held amount, actual, then per line window start, bucket, key
-- expiry, rolling (1/0), cap, thresholds (space-separated percentages, may be empty).
-- Returns a flat list of newly crossed thresholds: line index, percent, spent; per crossing.
local now = tonumber(ARGV[1])
local actual = tonumber(ARGV[4])
local crossed = {}
for i = 1, #KEYS / 2 do
  local hash, holds = KEYS[2 * i - 1], KEYS[2 * i]
  local base = 4 + 6 * (i - 1)
  local start, bucket, expireAt = tonumber(ARGV[base + 1]), ARGV[base + 2], ARGV[base + 3]
  local rolling, cap, thresholds = ARGV[base + 4] == '1', tonumber(ARGV[base + 5]), ARGV[base + 6]
  sweep(hash, holds, now)
  if redis.call('ZREM', holds, ARGV[2]) == 1 and ARGV[3] ~= '0' then
    redis.call('HINCRBY', hash, 'reserved', '-' .. ARGV[3])
  end
  if actual > 0 then
    redis.call('HINCRBY', hash, 's:' .. bucket, ARGV[4])
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

-- Shared by the budget scripts (prepended to each). A line is a hash (field 'reserved': the sum of live holds;
-- 's:<bucket ms>': settled spend per sub-bucket; 't:<percent>': a fired threshold) and a sorted set of holds,
-- member '<id>:<amount>', score = expiry in epoch ms. Amounts are integers below 2^53, exact as Lua numbers; they
-- are passed on as the caller's strings where possible, since Lua prints large numbers in exponent form.

-- Drops the holds that expired at or before now, so their amount stops counting (each exactly once: only the
-- script that removes a member subtracts its amount).
local function sweep(hash, holds, now)
  local expired = redis.call('ZRANGEBYSCORE', holds, '-inf', now)
  if #expired > 0 then
    local freed = 0
    for _, member in ipairs(expired) do
      freed = freed + tonumber(string.match(member, ':(%d+)$'))
    end
    redis.call('ZREMRANGEBYSCORE', holds, '-inf', now)
    -- Never negate zero: Lua prints it as '-0', which HINCRBY rejects.
    if freed > 0 then
      redis.call('HINCRBY', hash, 'reserved', -freed)
    end
  end
end

-- Settled spend in sub-buckets starting at or after start; older sub-buckets are deleted.
local function spent(hash, start)
  local total = 0
  local fields = redis.call('HGETALL', hash)
  for i = 1, #fields, 2 do
    local field = fields[i]
    if string.sub(field, 1, 2) == 's:' then
      if tonumber(string.sub(field, 3)) >= start then
        total = total + tonumber(fields[i + 1])
      else
        redis.call('HDEL', hash, field)
      end
    end
  end
  return total
end

local function reserved(hash)
  return tonumber(redis.call('HGET', hash, 'reserved') or '0')
end

-- Moves token buckets by signed shifts (see shift in bucket.lua, which is prepended).
-- KEYS[i]: a bucket. ARGV[1]: now (microseconds). ARGV[1 + i]: the shift of KEYS[i] (microseconds).
local now = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  shift(key, now, tonumber(ARGV[1 + i]))
end
return 1

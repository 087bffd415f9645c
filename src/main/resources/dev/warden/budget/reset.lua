-- KEYS: hash. Zeroes a line's settled spend (every sub-bucket) and re-arms its fired thresholds, atomically; the
-- 'reserved' total and the holds stay, so calls in flight still settle against the line.
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  local kind = string.sub(field, 1, 2)
  if kind == 's:' or kind == 't:' then
    redis.call('HDEL', KEYS[1], field)
  end
end
return 1

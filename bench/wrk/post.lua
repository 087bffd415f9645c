-- wrk script: POST a realistic ~1 KB OpenAI chat body with auth headers, and print one parseable line.
-- env: STREAM=1 puts "stream": true in the body (the fake upstream picks stream/non-stream by port anyway).
--      WRK_LABEL=<text> is echoed in the RESULT line.
--      WRK_MODEL=<name> is the "model" sent (default gpt-4o-mini; a Warden alias such as json-0ms when the target
--      is Warden). WRK_KEY=<key> replaces the bench bearer key (bench/warden-bench.yaml uses the default one).
local stream = os.getenv("STREAM") == "1"
local label = os.getenv("WRK_LABEL") or "-"
local model = os.getenv("WRK_MODEL") or "gpt-4o-mini"
local key = os.getenv("WRK_KEY") or "sk-warden-bench-0123456789abcdefghijklmnopqrstuvwxyz"

local system_prompt = "You are Warden's benchmark assistant. Answer concisely and accurately. " ..
  "If the user asks about infrastructure, prefer self-hosted options, explain trade-offs between latency, " ..
  "cost and reliability, and never invent version numbers. Format lists with short bullet points."
local user_prompt = "We run an internal LLM gateway in front of several providers. Requests arrive as OpenAI " ..
  "chat completions, are authenticated with per-team API keys, rate limited, logged for cost accounting and " ..
  "then forwarded to the cheapest healthy upstream. Streaming responses must be relayed event by event without " ..
  "buffering. Summarise the three most important things to measure when benchmarking such a gateway."

wrk.method = "POST"
wrk.path = "/v1/chat/completions"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key
wrk.headers["User-Agent"] = "wrk-warden-bench"
if stream then wrk.headers["Accept"] = "text/event-stream" end
wrk.body = '{"model":"' .. model .. '","messages":[' ..
  '{"role":"system","content":"' .. system_prompt .. '"},' ..
  '{"role":"user","content":"' .. user_prompt .. '"}],' ..
  '"temperature":0.2,"top_p":1,"max_tokens":256,"n":1,"user":"bench-user-42",' ..
  '"metadata":{"team":"platform","trace":"bench"},' ..
  '"stream":' .. (stream and 'true,"stream_options":{"include_usage":true}' or 'false') .. '}'

-- WRK_MAX_REQUESTS=<n>: each thread stops after n responses (use -t1 -c1 for exactly n; a warm-up by count).
local max_requests = tonumber(os.getenv("WRK_MAX_REQUESTS") or "")
if max_requests then
  local seen = 0
  function response(status, headers, body)
    seen = seen + 1
    if seen >= max_requests then wrk.thread:stop() end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT label=%s requests=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d body_bytes=%d\n",
    label, summary.requests, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout, #wrk.body))
end

-- wrk script for bench/throughput.sh: POST a comment, each request with its own Idempotency-Key and body, from a
-- client address that changes with every request (X-Forwarded-For; the service must trust 127.0.0.1 as a proxy,
-- CONTENT_CLIENT_TRUSTED_PROXIES=127.0.0.1). Each thread walks its own addresses 10.<offset+thread>.<hi>.<lo>, one request
-- per address until 65,536 requests, so the default per-client limits (5 a minute, 30 an hour) never refuse one.
-- Needs BENCH_ARTICLE (the article's id or slug) and BENCH_RUN (a nonce, new for every wrk run, so that no run
-- repeats a key: a repeated key is answered from the stored answer, far cheaper); BENCH_OFFSET (0 to 255, new for
-- every run) moves the second octet, so that no run reuses another's addresses.
-- Prints, after the run:  RESULT <2xx answers/s> <p99 latency in ms, all answers> <non-2xx + socket errors>  and a
-- STATUS <status> <count> line for each non-2xx status seen.
local article = os.getenv("BENCH_ARTICLE") or error("BENCH_ARTICLE not set")
local run = os.getenv("BENCH_RUN") or error("BENCH_RUN not set")
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
  non2xx = 0
  statuses = {}
  path = "/api/v1/articles/" .. article .. "/comments"
end

function request()
  n = n + 1
  local address = string.format("10.%d.%d.%d", (id + offset) % 256, math.floor(n / 256) % 256, n % 256)
  local key = string.format("bench-%s-%d-%08d", run, id, n) -- 16 to 255 characters
  local body = string.format('{"authorName":"Bench reader %d","body":"Bench comment %s, thread %d, number %d."}',
    n % 1000, run, id, n)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key,
    ["X-Forwarded-For"] = address,
  }, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total, seen = 0, {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("non2xx")
    for status, count in pairs(thread:get("statuses")) do seen[status] = (seen[status] or 0) + count end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %d\n",
    (summary.requests - total - socket) / (summary.duration / 1e6), latency:percentile(99) / 1000, total + socket))
  for status, count in pairs(seen) do io.write(string.format("STATUS %d %d\n", status, count)) end
  if socket > 0 then io.write(string.format("STATUS socket-errors %d\n", socket)) end
end

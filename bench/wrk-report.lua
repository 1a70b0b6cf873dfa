-- wrk reporting for bench/throughput.sh: prints one machine-readable line after the run,
--   RESULT <answered requests/s, errors excluded> <p99 latency in ms, all answers> <errors>
-- errors = responses with status >= 400 (wrk's own count: a 304 is fine) + socket errors and timeouts.
-- Headers come from the environment: WRK_ACCEPT, WRK_ACCEPT_ENCODING, WRK_IF_NONE_MATCH (each optional), and
-- WRK_UNIQUE_ACCEPT (below).
-- WRK_STATUSES=1 also counts every status >= 400 (a response() callback, which costs wrk some speed) and prints
--   STATUS <status> <count>  lines.
local function set(name, env)
  local v = os.getenv(env)
  if v and v ~= "" then wrk.headers[name] = v end
end
set("Accept", "WRK_ACCEPT")
set("Accept-Encoding", "WRK_ACCEPT_ENCODING")
set("If-None-Match", "WRK_IF_NONE_MATCH")

-- WRK_UNIQUE_ACCEPT=1: each request's Accept is application/json with a parameter of its own
-- (application/json;miss=<run>.<thread>.<n>), which negotiates JSON as usual but is a key the representation cache has
-- never seen: every request misses, is built from PostgreSQL and stored (the first read after a write, every time).
local unique_accept = os.getenv("WRK_UNIQUE_ACCEPT") == "1"
local run_id = tostring(os.time()) .. "-" .. (os.getenv("BENCH_RUN") or "")
if unique_accept then
  local counter = 0
  function request()
    counter = counter + 1
    wrk.headers["Accept"] = "application/json;miss=" .. run_id .. "." .. tid .. "." .. counter
    return wrk.format()
  end
end

local threads = {}
local count_statuses = os.getenv("WRK_STATUSES") == "1"

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

if count_statuses then
  statuses = {}
  function response(status, headers, body)
    if status >= 400 then statuses[status] = (statuses[status] or 0) + 1 end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %d\n",
    (summary.requests - errors) / (summary.duration / 1e6), latency:percentile(99) / 1000, errors))
  if count_statuses then
    local seen = {}
    for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do seen[status] = (seen[status] or 0) + count end
    end
    for status, count in pairs(seen) do io.write(string.format("STATUS %d %d\n", status, count)) end
  end
end

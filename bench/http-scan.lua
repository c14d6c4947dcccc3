-- wrk (LuaJIT) script for bench/http-scan.sh: POST /api/v1/events/{id}/scan, each request a different ticket code.
-- Environment: EVENT_ID, THREADS (wrk's -t), TOKEN (a scanner's bearer token), CODES_FILE (one code a line,
-- shared out between wrk's threads in contiguous slices, so no two requests scan the same code until a slice wraps).
local created = 0

function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
end

function init(args)
  path = "/api/v1/events/" .. os.getenv("EVENT_ID") .. "/scan"
  local thread_count = tonumber(os.getenv("THREADS"))
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
  codes = {}
  local i = 0
  for line in io.lines(os.getenv("CODES_FILE")) do
    if i % thread_count == thread_index then table.insert(codes, line) end
    i = i + 1
  end
  turn = 0
end

function request()
  -- Past the end of its codes a thread starts again: those answers are 409 (already scanned), counted as non-2xx.
  turn = turn % #codes + 1
  return wrk.format("POST", path, headers, '{"code":"' .. codes[turn] .. '"}')
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d non2xx=%d socket_errors=%d seconds=%.2f ok_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, failed - summary.errors.status, seconds,
    (summary.requests - failed) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

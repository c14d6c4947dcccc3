-- wrk (LuaJIT, Lua 5.1: no // operator) script for bench/http-reserve.sh: POST /api/v1/reserve, each request a different chosen seat.
-- Environment: EVENT_ID, THREADS (wrk's -t), TOKENS_FILE (one bearer token a line), SEAT_FROM, SEAT_TO (seat indexes,
-- end excluded, shared out between wrk's threads), SEATS_PER_REQUEST (default 1).
-- Seat index k is seat S{k/10000+1}-{(k%10000)/100+1}-{k%100+1}: sections of 100 rows x 100 seats.
-- THREADS must equal wrk's -t: a thread may start before the next one is set up, so the count
-- cannot be learnt in setup().
local created = 0
local threads = {}

function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
  table.insert(threads, thread)
end

local function seat_id(k)
  return string.format("S%d-%d-%d", math.floor(k / 10000) + 1, math.floor((k % 10000) / 100) + 1, k % 100 + 1)
end

function init(args)
  event_id = os.getenv("EVENT_ID")
  thread_count = tonumber(os.getenv("THREADS"))
  per_request = tonumber(os.getenv("SEATS_PER_REQUEST") or "1")
  local from, to = tonumber(os.getenv("SEAT_FROM")), tonumber(os.getenv("SEAT_TO"))
  -- A contiguous slice per thread, so no two requests ask for the same seat.
  local size = math.floor((to - from) / thread_count)
  size = size - size % per_request
  first = from + thread_index * size
  last = first + size
  next_seat = first
  -- wrk gives a thread's connections one script state, so a thread's fans take turns: thread t
  -- of T uses tokens t, t+T, t+2T, ... (with -c64 -t2 and 256 tokens: 128 fans share a thread's 32 connections).
  tokens = {}
  local i = 0
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if i % thread_count == thread_index then table.insert(tokens, line) end
    i = i + 1
  end
  turn = 0
end

function request()
  if next_seat + per_request > last then
    next_seat = first -- wrapped: these seats are taken, the answers are 409 and counted as such
    wrapped = true
  end
  local seats = {}
  for s = 0, per_request - 1 do table.insert(seats, '"' .. seat_id(next_seat + s) .. '"') end
  next_seat = next_seat + per_request
  turn = turn % #tokens + 1
  local body = '{"eventId":"' .. event_id .. '","seats":[' .. table.concat(seats, ",") .. ']}'
  return wrk.format("POST", "/api/v1/reserve", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[turn],
  }, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  -- Where the first thread got to, so that a fill can go on from there in the next run.
  local next_seat = threads[1]:get("wrapped") and threads[1]:get("last") or threads[1]:get("next_seat")
  io.write(string.format("RESULT next=%d requests=%d non2xx=%d socket_errors=%d seconds=%.2f ok_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    next_seat, summary.requests, summary.errors.status, failed - summary.errors.status, seconds,
    (summary.requests - failed) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

-- wrk (LuaJIT, Lua 5.1) script for bench/http-reserve.sh's full flow: every wrk thread has one connection
-- (-t equal to -c), so a request's answer is the answer to that thread's last request. A connection
-- rotates over its fans; each fan reserves 2 best-available seats (POST /api/v1/reserve {eventId,
-- sectionId, quantity: 2}) and, with FLOW=book, then books them (POST /api/v1/book, an Idempotency-Key
-- of its own per booking, kept when the request is sent again after a broken connection).
-- FLOW=reserve only reserves: the reserve-only rate of the same connections, with the same parsing.
-- Environment: EVENT_ID, THREADS (wrk's -t), TOKENS_FILE (one bearer token a line), SECTIONS (S1..Sn),
-- FLOW (book|reserve), RUN (a label that keeps the keys of one run apart from another's).
local created = 0
local threads = {}

function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  event_id = os.getenv("EVENT_ID")
  thread_count = tonumber(os.getenv("THREADS"))
  sections = tonumber(os.getenv("SECTIONS"))
  book = os.getenv("FLOW") == "book"
  run = os.getenv("RUN")
  -- Thread t of T has fans t, t+T, t+2T, ...: with 256 tokens and -t32 -c32, 8 fans a connection.
  tokens = {}
  local i = 0
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if i % thread_count == thread_index then table.insert(tokens, line) end
    i = i + 1
  end
  turn = 0
  section = thread_index % sections
  reservation = nil
  holds, bookings, reserves_refused, books_refused = 0, 0, 0, 0
end

function request()
  if reservation then
    return wrk.format("POST", "/api/v1/book", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. tokens[turn],
      ["Idempotency-Key"] = key,
    }, '{"reservationId":"' .. reservation .. '","payment":{"token":"tok_visa"}}')
  end
  turn = turn % #tokens + 1
  -- Spread over the sections, so a section that sold out does not answer every request 409.
  section = (section + 1) % sections
  return wrk.format("POST", "/api/v1/reserve", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[turn],
  }, '{"eventId":"' .. event_id .. '","sectionId":"S' .. (section + 1) .. '","quantity":2}')
end

function response(status, headers, body)
  if reservation then
    reservation = nil
    if status == 201 then bookings = bookings + 1 else books_refused = books_refused + 1 end
  elseif status == 201 then
    holds = holds + 1
    if book then
      reservation = string.match(body, '"reservationId":"([^"]+)"')
      key = run .. "-" .. thread_index .. "-" .. holds
    end
  else
    reserves_refused = reserves_refused + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local totals = { holds = 0, bookings = 0, reserves_refused = 0, books_refused = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + (thread:get(name) or 0) end
  end
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d holds=%d bookings=%d reserves_refused=%d books_refused=%d socket_errors=%d seconds=%.2f holds_per_s=%.0f bookings_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, totals.holds, totals.bookings, totals.reserves_refused, totals.books_refused, socket_errors, seconds,
    totals.holds / seconds, totals.bookings / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

-- Polls one section as the stadium page does: each answer's version and epoch become the next
-- request's `since`, so the connections of a thread ask for the changes since what they last saw.
-- Env: EVENT_ID, SECTION_ID. Prints the mean bytes of a response (headers included) at the end.
local base = "/api/v1/events/" .. os.getenv("EVENT_ID") .. "/sections/" .. os.getenv("SECTION_ID") .. "/seats"
local since, epoch

request = function()
  if since then return wrk.format("GET", base .. "?since=" .. since .. "&epoch=" .. epoch) end
  return wrk.format("GET", base)
end

response = function(status, headers, body)
  if status ~= 200 then return end
  local version, answered = body:match('"version":(%d+)'), body:match('"epoch":(%d+)')
  if version and answered then since, epoch = version, answered end
end

done = function(summary, latency, requests)
  io.write(string.format("mean_bytes=%d\n", summary.bytes / math.max(summary.requests, 1)))
end

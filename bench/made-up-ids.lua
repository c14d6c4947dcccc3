-- wrk script for bench/made-up-ids.sh: GETs of ids nobody created (performers, venues, events,
-- seat maps), each request a new random id.
local kinds = { "/api/v1/performers/prf_", "/api/v1/venues/ven_", "/api/v1/view?event_id=evt_", "/api/v1/events/evt_" }
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  counter = counter + 1
  local kind = kinds[(counter % #kinds) + 1]
  local path = kind .. string.format("%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
  if kind == "/api/v1/events/evt_" then path = path .. "/seats" end
  return wrk.format("GET", path)
end

-- One-seat holds on one flight (AMUR_FLIGHT), each with its own Idempotency-Key: every request fights over the
-- same inventory row.
local flight = os.getenv("AMUR_FLIGHT")
local counter = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

request = function()
  counter = counter + 1
  local body = '{"flightId":"' .. flight .. '","passengers":1}'
  return wrk.format("POST", "/api/flights/holds", {
    ["Content-Type"] = "application/json",
    ["X-Agency-Id"] = "bench-agency",
    ["Idempotency-Key"] = "bench-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. os.time(),
  }, body)
end

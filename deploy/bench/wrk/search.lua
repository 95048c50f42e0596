-- Flight searches over the routes to Harbin and the dates of the coming year (set by flights.sh in AMUR_DATES).
local routes = { {"UUS","HRB"}, {"HRB","UUS"}, {"VVO","HRB"}, {"BQS","HRB"}, {"IKT","HRB"}, {"OVB","HRB"}, {"HRB","OHE"} }
local dates = {}
for d in string.gmatch(os.getenv("AMUR_DATES") or "", "%S+") do dates[#dates + 1] = d end
local n = 0

request = function()
  n = n + 1
  local route = routes[(n % #routes) + 1]
  local date = dates[(n % #dates) + 1]
  return wrk.format("GET", "/api/flights/search?origin=" .. route[1] .. "&destination=" .. route[2]
    .. "&date=" .. date .. "&passengers=2&flexDays=1")
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Leases up to ARGV[3] whole tokens from one token bucket and takes back ARGV[4] tokens a gateway replica leased
-- earlier and did not spend. The bucket refills continuously (Redis's TIME, to the microsecond).
-- KEYS[1]: the bucket, a hash of tokens and the time (seconds) they were counted at
-- ARGV: tokens added per second, capacity, tokens wanted, tokens given back
-- Returns { tokens leased, tokens left in the bucket } as strings (a Lua number would be cut to an integer).
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local returned = tonumber(ARGV[4])

local time = redis.call('TIME')
local now = tonumber(time[1]) + tonumber(time[2]) / 1000000

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now

tokens = math.min(capacity, tokens + math.max(0, now - at) * rate + returned)
local leased = math.min(wanted, math.floor(tokens))
tokens = tokens - leased

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- A full bucket needs no row: gone once it would have refilled, plus a second.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return { tostring(leased), tostring(tokens) }

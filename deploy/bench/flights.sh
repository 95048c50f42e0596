#!/usr/bin/env bash
# Flight service throughput and latency, measured with wrk (HdrHistogram percentiles) on a running local stack,
# straight at the service (the gateway has its own benchmark, gateway.sh):
#   1. searches over seven routes and a year of dates, straight and then through the gateway;
#   2. one-seat holds, every request fighting over the same inventory row of a benchmark flight with a million
#      seats (made for the run, far beyond the generated year, and deleted afterwards with its holds).
# Then it checks that the inventory counts exactly the holds that were answered 201.
#   deploy/bench/flights.sh [seconds] [search connections] [hold connections...]   (defaults: 30 32 1 4 16)
# Each measurement follows a 10 s warm-up.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SECONDS_=${1:-30}
CONNECTIONS=${2:-32}
HOLD_CONNECTIONS=("${@:3}")
[[ ${#HOLD_CONNECTIONS[@]} -gt 0 ]] || HOLD_CONNECTIONS=(1 4 16)
FLIGHTS=${AMUR_FLIGHT_URL:-http://127.0.0.1:8081}
GATEWAY=${AMUR_GATEWAY_URL:-http://127.0.0.1:8080}
export PGPASSWORD=${AMUR_PG_PASSWORD:-amur}
PSQL=(psql -qtA -h "${AMUR_PG_HOST:-127.0.0.1}" -p "${AMUR_PG_PORT:-5432}" -U amur -d amur_flight -v ON_ERROR_STOP=1)
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

AMUR_DATES=$(for i in $(seq 7 7 364); do date -u -d "+$i days" +%F; done | tr '\n' ' ')
export AMUR_DATES
echo "== searches, straight to flight-service: $CONNECTIONS connections, ${SECONDS_} s (after a 10 s warm-up)"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$HERE/wrk/search.lua" "$FLIGHTS" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$HERE/wrk/search.lua" "$FLIGHTS"
# The same searches through the gateway, with the ops key (its rate limit does not throttle a benchmark locally).
# shellcheck source=../local/demo-keys.env
source "$HERE/../local/demo-keys.env"
echo
echo "== searches through the gateway ($GATEWAY): $CONNECTIONS connections, ${SECONDS_} s (after a 10 s warm-up)"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$HERE/wrk/search.lua" -H "X-API-Key: $AMUR_DEMO_KEY_OPS" "$GATEWAY" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$HERE/wrk/search.lua" -H "X-API-Key: $AMUR_DEMO_KEY_OPS" \
  "$GATEWAY"

AMUR_FLIGHT=$(cat /proc/sys/kernel/random/uuid)
export AMUR_FLIGHT
DAY=$(date -u -d '+500 days' +%F)
cleanup() {
  "${PSQL[@]}" -c "DELETE FROM seat_hold WHERE flight_id = '$AMUR_FLIGHT';
    DELETE FROM flight WHERE id = '$AMUR_FLIGHT';
    DELETE FROM idempotency_key WHERE client = 'bench-agency';"
}
trap cleanup EXIT
"${PSQL[@]}" -c "INSERT INTO flight (id, flight_number, carrier, origin, destination, departure_date, departs_at,
    arrives_at, aircraft) VALUES ('$AMUR_FLIGHT', 'HZ4698', 'HZ', 'UUS', 'HRB', '$DAY', '$DAY 09:00+11',
    '$DAY 08:55+08', 'benchmark');
  INSERT INTO seat_inventory (flight_id, cabin, capacity, fare_rub, fare_cny)
    VALUES ('$AMUR_FLIGHT', 'ECONOMY', 1000000, 12500, 1096);"
wrk -t1 -c4 -d10s -s "$HERE/wrk/holds.lua" "$FLIGHTS" >/dev/null
for connections in "${HOLD_CONNECTIONS[@]}"; do
  echo
  echo "== holds on one flight: $connections connections, ${SECONDS_} s"
  wrk -t1 -c"$connections" -d"${SECONDS_}s" --latency -s "$HERE/wrk/holds.lua" "$FLIGHTS"
done
read -r HELD HOLDS < <("${PSQL[@]}" -F ' ' -c "SELECT i.held, (SELECT count(*) FROM seat_hold h
    WHERE h.flight_id = i.flight_id AND h.status = 'HELD') FROM seat_inventory i WHERE i.flight_id = '$AMUR_FLIGHT'")
echo "inventory says $HELD seats held; $HOLDS holds are HELD"
[[ "$HELD" == "$HOLDS" ]] || { echo "MISMATCH: the inventory lost or double-counted holds" >&2; exit 1; }

#!/usr/bin/env bash
# Booking latency and sustained rate, end to end through the gateway of a running local stack:
# time from POST /api/itineraries/{id}/book to CONFIRMED on the itinerary's event stream.
#   deploy/local/run.sh --detach            # with AMUR_JAVA_OPTS=-XX:TieredStopAtLevel=4 for production-like JIT
#   deploy/bench/booking.sh [rate/s] [seconds] [warm-up seconds]      (defaults: 5 60 30)
# It extends China's trial visa policy for the run and puts it back; afterwards it waits (at most 6 min, past the
# saga's deadline) for the bookings still under way, cancels every one that was confirmed and discards the drafts never
# booked, so the data is left as found even above capacity. It also prints the CPU milliseconds each component spent per booking (kernel accounting).
# The load client is built from this checkout (nothing is installed into the local Maven repository).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=../local/lib.sh
source "$ROOT/deploy/local/lib.sh"
GATEWAY=${AMUR_GATEWAY_URL:-http://127.0.0.1:8080}
amur_build
CP=$(amur_deploy_classpath)
exec java -cp "$CP" travel.amur.deploy.bench.BookingBenchmark "$GATEWAY" deploy/local/demo-keys.env \
  "${1:-5}" "${2:-60}" "${3:-30}"

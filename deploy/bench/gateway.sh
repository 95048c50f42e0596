#!/usr/bin/env bash
# What the gateway costs, in one run with one load client (wrk, HdrHistogram percentiles) on a running local stack:
# the same GET of a flight
#   1. through the gateway with every filter on (API key, rate limit in Redis, circuit breaker, identity headers,
#      access log, trace ids, security headers);
#   2. straight to flight-service;
#   3. through nginx in front of flight-service (a plain reverse proxy, as a baseline for any proxy hop).
#   deploy/bench/gateway.sh [seconds] [connections] [warm-up seconds]        (defaults: 30 32 60)
# Each target is warmed up first: on two shared cores the JIT needs a minute of load before the gateway's figures
# settle (it serves half as much in its first minute). Then one connection measures the latency a hop adds.
# Needs wrk and nginx (apt-get install -y wrk nginx); nginx runs from a temporary directory and is stopped after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECONDS_=${1:-30}
CONNECTIONS=${2:-32}
WARM_UP=${3:-60}
GATEWAY=${AMUR_GATEWAY_URL:-http://127.0.0.1:8080}
FLIGHTS=${AMUR_FLIGHT_URL:-http://127.0.0.1:8081}
NGINX_PORT=${AMUR_BENCH_NGINX_PORT:-8099}
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install -y wrk nginx" >&2; exit 1; }
done
# shellcheck source=../local/demo-keys.env
source "$ROOT/deploy/local/demo-keys.env"

DAY=$(date -u -d '+30 days' +%F)
FLIGHT=$(curl -sf "$FLIGHTS/api/flights/search?origin=UUS&destination=HRB&date=$DAY&flexDays=3" \
  | grep -o '"flightId":"[^"]*"' | head -n 1 | cut -d'"' -f4)
[[ -n "$FLIGHT" ]] || { echo "no UUS-HRB flight found around $DAY: is the stack running?" >&2; exit 1; }
PATH_="/api/flights/$FLIGHT"

NGINX_DIR=$(mktemp -d)
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream flights { server ${FLIGHTS#http://}; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://flights;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Agency-Id amur-ops;
    }
  }
}
CONF
nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR"
trap 'nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" -s stop; rm -rf "$NGINX_DIR"' EXIT

measure() {
  local name=$1 url=$2
  shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${WARM_UP}s" "$@" "$url" >/dev/null
  echo
  echo "== $name: GET $url"
  echo "-- throughput: $CONNECTIONS connections, ${SECONDS_} s"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency "$@" "$url" \
    | grep -E '50%|90%|99%|Requests/sec|Non-2xx|Socket errors'
  echo "-- latency: 1 connection, 10 s"
  wrk -t1 -c1 -d10s --latency "$@" "$url" | grep -E '50%|99%|Requests/sec|Non-2xx'
}

# The ops key's rate limit is large enough not to reject a benchmark (gateway's local profile).
measure "gateway, every filter on" "$GATEWAY$PATH_" -H "X-API-Key: $AMUR_DEMO_KEY_OPS"
measure "flight-service directly" "$FLIGHTS$PATH_" -H "X-Agency-Id: amur-ops"
measure "nginx in front of flight-service" "http://127.0.0.1:$NGINX_PORT$PATH_"

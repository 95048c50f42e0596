#!/usr/bin/env bash
# Checks through the gateway that every service answers. Run against a started stack (deploy/local/run.sh).
set -euo pipefail
GATEWAY=${AMUR_GATEWAY_URL:-http://127.0.0.1:8080}

check() {
  local what=$1 path=$2 expected=$3
  local status
  status=$(curl -s -o /tmp/amur-smoke.out -w '%{http_code}' "$GATEWAY$path")
  if [[ "$status" != "$expected" ]]; then
    echo "FAIL $what: GET $path answered $status, expected $expected" >&2
    cat /tmp/amur-smoke.out >&2
    exit 1
  fi
  echo "ok   $what: GET $path -> $status"
}

check "gateway" /actuator/health/readiness 200
check "flight-service" /api/flights/_ping 404
check "visa-service" /api/visa/_ping 404
check "itinerary-service" /api/catalog/_ping 404

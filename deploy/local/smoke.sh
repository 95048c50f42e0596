#!/usr/bin/env bash
# Checks a started stack (deploy/local/run.sh) through the gateway: every service answers a real request with a
# demo key, a missing key is a 401 problem, and each service is ready on its own port.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=demo-keys.env
source "$ROOT/deploy/local/demo-keys.env"
GATEWAY=${AMUR_GATEWAY_URL:-http://127.0.0.1:8080}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

# check WHAT EXPECTED-STATUS EXPECTED-TEXT curl-arguments...
check() {
  local what=$1 expected=$2 text=$3
  shift 3
  local status
  status=$(curl -s -o "$OUT" -w '%{http_code}' "$@")
  if [[ "$status" != "$expected" ]] || ! grep -q -- "$text" "$OUT"; then
    echo "FAIL $what: answered $status, expected $expected with '$text'" >&2
    head -c 2000 "$OUT" >&2
    echo >&2
    exit 1
  fi
  echo "ok   $what -> $status"
}

KEY=(-H "X-API-Key: $AMUR_DEMO_KEY_TAIGA")
for port in 8081 8082 8083; do
  check "service on :$port ready" 200 '"UP"' "http://127.0.0.1:$port/actuator/health/readiness"
done
check "gateway ready" 200 '"UP"' "$GATEWAY/actuator/health/readiness"
check "no API key is a 401 problem" 401 '"status":401' "$GATEWAY/api/flights/routes"
check "flight-service: routes" 200 '"UUS"' "${KEY[@]}" "$GATEWAY/api/flights/routes"
check "visa-service: eligibility" 200 '"eligible"' "${KEY[@]}" -H 'Content-Type: application/json' \
  -d '{"nationality":"CN","destination":"RU","passportType":"ORDINARY","purpose":"TOURISM",
       "entryDate":"'"$(date -u -d "+21 days" +%F)"'","exitDate":"'"$(date -u -d "+28 days" +%F)"'"}' "$GATEWAY/api/visa/eligibility"
check "itinerary-service: catalog" 200 'harbin-ice-festival-4d' "${KEY[@]}" "$GATEWAY/api/catalog/packages"
check "bad input is a 400 naming the field" 400 'destination' "${KEY[@]}" \
  "$GATEWAY/api/flights/search?origin=UUS&date=2027-01-06"
check "metrics" 200 'http_server_requests' "$GATEWAY/actuator/prometheus"

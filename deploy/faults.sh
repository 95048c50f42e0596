#!/usr/bin/env bash
# Fault drill on a running local stack (deploy/local/run.sh --detach [--replicas 2]): a steady booking load through
# the gateway while each component in turn is killed and brought back (every service instance, the gateway, the
# Kafka broker, PostgreSQL), then checks that no booking was lost, refused or oversold because of it.
#   deploy/faults.sh [short|full] [bookings per second]      (defaults: short, 2/s; full: 3/s)
# short: every component once by SIGKILL (PostgreSQL: an immediate stop for 10 s), then one service by SIGTERM (CI).
# full:  every component by SIGKILL, then every component by SIGTERM (PostgreSQL: a fast stop).
# It stops and starts the machine's PostgreSQL cluster (pg_ctlcluster), so run it where nothing else needs it.
# The drill's client is built from this checkout (nothing is installed into the local Maven repository).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=local/lib.sh
source "$ROOT/deploy/local/lib.sh"
amur_build
CP=$(amur_deploy_classpath)
exec java -cp "$CP" travel.amur.deploy.faults.FaultDrill "$ROOT" "${AMUR_GATEWAY_URL:-http://127.0.0.1:8080}" \
  deploy/local/demo-keys.env "${1:-short}" ${2:+"$2"}

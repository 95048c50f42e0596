#!/usr/bin/env bash
# Runs the whole Amur platform on this machine: PostgreSQL (the local server, or an embedded one),
# a real Kafka broker (KRaft, its own process), the three services and the gateway.
#
#   deploy/local/run.sh            start, wait until healthy, stay in the foreground; Ctrl-C stops everything
#   deploy/local/run.sh --detach   start, wait until healthy, return
#   deploy/local/run.sh stop       stop a detached stack
#   deploy/local/run.sh status     show what runs
#
# Logs: .local/logs/<component>.log (one JSON object per line for the services).
# Settings (environment): AMUR_PG_HOST/AMUR_PG_PORT (127.0.0.1:5432), AMUR_PG_ADMIN_USER/AMUR_PG_ADMIN_PASSWORD
# (postgres, empty), AMUR_REDIS_HOST/AMUR_REDIS_PORT (127.0.0.1:6379), AMUR_KAFKA_PORT (9092),
# AMUR_JAVA_OPTS (extra JVM options for the four applications), AMUR_BUILD=always to rebuild first.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE="$ROOT/.local"
LOGS="$STATE/logs"
PIDS="$STATE/run"
VERSION=0.1.0-SNAPSHOT

PG_HOST=${AMUR_PG_HOST:-127.0.0.1}
PG_PORT=${AMUR_PG_PORT:-5432}
PG_ADMIN_USER=${AMUR_PG_ADMIN_USER:-postgres}
PG_ADMIN_PASSWORD=${AMUR_PG_ADMIN_PASSWORD:-}
REDIS_HOST=${AMUR_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${AMUR_REDIS_PORT:-6379}
KAFKA_PORT=${AMUR_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
DATABASES=(amur_flight amur_visa amur_itinerary)

# Four JVMs starting at once on two cores: the C1 compiler alone starts them in about half the time. Benchmarks
# want the optimising compiler back: AMUR_JAVA_OPTS=-XX:TieredStopAtLevel=4 (a later flag wins).
FAST_START="-XX:TieredStopAtLevel=1"

# name:port:module, in start order.
APPS=(flight-service:8081 visa-service:8082 itinerary-service:8083 gateway:8080)

say() { printf '\033[1m[amur]\033[0m %s\n' "$*"; }
fail() {
  printf '\033[31m[amur] %s\033[0m\n' "$*" >&2
  # A half-started stack is worse than none: stop what this run started.
  if [[ ${STARTING:-0} == 1 ]]; then STARTING=0; stop_all; fi
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pid_of() { [[ -f "$PIDS/$1.pid" ]] && cat "$PIDS/$1.pid" || true; }

# A pid file counts only while its process still runs the command we started (pids get reused).
alive() {
  local pid; pid=$(pid_of "$1")
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -qa "amur.component=$1" "/proc/$pid/cmdline" 2>/dev/null
}

java_cmd() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

deploy_classpath() {
  local cp="$STATE/deploy.classpath"
  if [[ ! -s "$cp" || "$ROOT/deploy/pom.xml" -nt "$cp" ]]; then
    (cd "$ROOT" && ./mvnw -q -B -pl deploy dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$cp" >/dev/null)
  fi
  echo "$(cat "$cp"):$ROOT/deploy/target/classes"
}

build_if_missing() {
  local missing=0
  for app in "${APPS[@]}"; do
    local name=${app%%:*}
    [[ -f "$ROOT/$name/target/$name-$VERSION-exec.jar" ]] || missing=1
  done
  [[ -d "$ROOT/deploy/target/classes/travel" ]] || missing=1
  if [[ $missing == 1 || "${AMUR_BUILD:-}" == always ]]; then
    say "building (./mvnw package -DskipTests) ..."
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package) || fail "build failed"
  fi
}

# start NAME LOGFILE COMMAND...: runs it in the background in its own process group, records its pid.
start() {
  local name=$1 log=$2; shift 2
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

wait_for() {
  local what=$1 seconds=$2 check=$3
  local deadline=$((SECONDS + seconds))
  until eval "$check"; do
    if (( SECONDS >= deadline )); then return 1; fi
    sleep 0.5
  done
}

start_postgres() {
  if port_open "$PG_HOST" "$PG_PORT"; then
    say "PostgreSQL: using the server at $PG_HOST:$PG_PORT"
    "$(java_cmd)" -cp "$(deploy_classpath)" travel.amur.deploy.local.PostgresSetup \
      "$PG_HOST" "$PG_PORT" "$PG_ADMIN_USER" "$PG_ADMIN_PASSWORD" "${DATABASES[@]}" >>"$LOGS/postgres-setup.log" 2>&1 \
      || say "PostgreSQL: could not check role/databases as $PG_ADMIN_USER (see $LOGS/postgres-setup.log); assuming they exist"
  else
    say "PostgreSQL: nothing at $PG_HOST:$PG_PORT, starting an embedded PostgreSQL there (data in .local/postgres)"
    [[ "$PG_HOST" == 127.0.0.1 || "$PG_HOST" == localhost ]] || fail "cannot start an embedded PostgreSQL on $PG_HOST"
    start postgres "$LOGS/postgres.log" "$(java_cmd)" -Damur.component=postgres -Xmx128m -cp "$(deploy_classpath)" \
      travel.amur.deploy.local.EmbeddedPostgresServer "$PG_PORT" "$STATE/postgres" "${DATABASES[@]}"
    wait_for postgres 60 "grep -q 'embedded PostgreSQL ready' '$LOGS/postgres.log'" \
      || fail "embedded PostgreSQL did not start: see $LOGS/postgres.log"
  fi
}

start_kafka() {
  if alive kafka; then say "Kafka: already running"; return; fi
  port_open 127.0.0.1 "$KAFKA_PORT" && fail "port $KAFKA_PORT is taken by another program; set AMUR_KAFKA_PORT"
  local data="$STATE/kafka" config="$STATE/kafka.properties" cp
  cp=$(deploy_classpath)
  mkdir -p "$data"
  sed -e "s#\${KAFKA_PORT}#$KAFKA_PORT#g; s#\${CONTROLLER_PORT}#$KAFKA_CONTROLLER_PORT#g; s#\${KAFKA_DATA}#$data#g" \
    "$ROOT/deploy/local/kafka.properties" > "$config"
  local log4j="-Dlog4j2.configurationFile=$ROOT/deploy/local/kafka-log4j2.properties"
  if [[ ! -f "$data/meta.properties" ]]; then
    local cluster
    cluster=$("$(java_cmd)" "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    "$(java_cmd)" "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cluster" -c "$config" >>"$LOGS/kafka.log" 2>&1 \
      || fail "cannot format Kafka storage: see $LOGS/kafka.log"
  fi
  say "Kafka: starting a KRaft broker on 127.0.0.1:$KAFKA_PORT"
  start kafka "$LOGS/kafka.log" "$(java_cmd)" -Damur.component=kafka -Xms256m -Xmx512m "$log4j" -cp "$cp" \
    kafka.Kafka "$config"
  wait_for kafka 60 "port_open 127.0.0.1 $KAFKA_PORT" || fail "Kafka did not start: see $LOGS/kafka.log"
}

start_apps() {
  local redis_store=memory redis_health=false
  if port_open "$REDIS_HOST" "$REDIS_PORT"; then
    redis_store=redis redis_health=true
    say "Redis: using $REDIS_HOST:$REDIS_PORT for the gateway's shared rate limits"
  else
    say "Redis: nothing at $REDIS_HOST:$REDIS_PORT, the gateway keeps rate limits in memory (one replica only)"
  fi
  for app in "${APPS[@]}"; do
    local name=${app%%:*} port=${app##*:}
    port_open 127.0.0.1 "$port" && fail "port $port (for $name) is taken by another program"
    # shellcheck disable=SC2086
    start "$name" "$LOGS/$name.log" env \
      SPRING_R2DBC_URL="r2dbc:postgresql://$PG_HOST:$PG_PORT/amur_${name%-service}" \
      SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
      SPRING_DATA_REDIS_HOST="$REDIS_HOST" SPRING_DATA_REDIS_PORT="$REDIS_PORT" \
      AMUR_GATEWAY_RATE_LIMIT_STORE="$redis_store" AMUR_GATEWAY_REDIS_HEALTH="$redis_health" \
      SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" \
      "$(java_cmd)" -Damur.component="$name" -Xms128m -Xmx384m -XX:+UseSerialGC $FAST_START \
      ${AMUR_JAVA_OPTS:-} -jar "$ROOT/$name/target/$name-$VERSION-exec.jar" --server.port="$port"
  done
}

ready() { curl -fsS -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

wait_for_apps() {
  for app in "${APPS[@]}"; do
    local name=${app%%:*} port=${app##*:}
    wait_for "$name" 120 "ready $port || ! alive $name" || true
    if ! alive "$name"; then fail "$name stopped during start-up: see $LOGS/$name.log"; fi
    ready "$port" || fail "$name is not healthy after 120 s: see $LOGS/$name.log"
    say "$name: healthy on http://127.0.0.1:$port"
  done
}

stop_all() {
  local stopped=0
  for name in gateway itinerary-service visa-service flight-service kafka postgres; do
    if alive "$name"; then
      local pid; pid=$(pid_of "$name")
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
      say "stopped $name"
      stopped=1
    fi
    rm -f "$PIDS/$name.pid"
  done
  [[ $stopped == 1 ]] || say "nothing was running"
}

status() {
  local any=0
  for name in postgres kafka flight-service visa-service itinerary-service gateway; do
    if alive "$name"; then
      any=1
      local health=""
      for app in "${APPS[@]}"; do
        [[ ${app%%:*} == "$name" ]] && { ready "${app##*:}" && health=" healthy on :${app##*:}" || health=" not ready"; }
      done
      printf '  %-18s running (pid %s)%s\n' "$name" "$(pid_of "$name")" "$health"
    else
      printf '  %-18s -\n' "$name"
    fi
  done
  [[ $any == 1 ]] || say "Amur is not running (start it with deploy/local/run.sh)"
  printf 'logs: %s\n' "$LOGS"
}

banner() {
  # shellcheck source=/dev/null
  source "$ROOT/deploy/local/demo-keys.env"
  cat <<EOF

  Amur is up: http://127.0.0.1:8080   (API documents: http://127.0.0.1:8080/api/docs)

  Demo API keys (local stack only):
    agency Taiga Travel (Yuzhno-Sakhalinsk)  X-API-Key: $AMUR_DEMO_KEY_TAIGA
    agency Songhua Tours (Harbin)            X-API-Key: $AMUR_DEMO_KEY_SONGHUA
    operations (OPS role)                    X-API-Key: $AMUR_DEMO_KEY_OPS

  Try:
    curl -s -H 'X-API-Key: $AMUR_DEMO_KEY_TAIGA' \\
      'http://127.0.0.1:8080/api/flights/search?origin=UUS&destination=HRB&date=$(next_flight_day)&passengers=2'

  Logs: $LOGS    Stop: deploy/local/run.sh stop
EOF
}

# The next Wednesday or Saturday: the days Aurora flies Yuzhno-Sakhalinsk - Harbin.
next_flight_day() {
  for i in $(seq 1 7); do
    local day; day=$(date -u -d "+$i day" +%u)
    if [[ $day == 3 || $day == 6 ]]; then date -u -d "+$i day" +%F; return; fi
  done
}

main() {
  mkdir -p "$LOGS" "$PIDS"
  local mode=${1:-foreground}
  case "$mode" in
    stop) stop_all; return ;;
    status) status; return ;;
    --detach|foreground) ;;
    -h|--help) sed -n '2,14p' "$0"; return ;;
    *) fail "unknown argument '$mode' (use --detach, stop or status)" ;;
  esac
  if alive gateway; then
    say "Amur is already running (gateway pid $(pid_of gateway)); 'deploy/local/run.sh status' shows it, 'stop' stops it"
    return 0
  fi
  local started=$SECONDS
  build_if_missing
  STARTING=1
  if [[ $mode == foreground ]]; then trap 'echo; stop_all; exit 130' INT TERM; fi
  start_postgres
  start_kafka
  start_apps
  wait_for_apps
  STARTING=0
  say "all healthy in $((SECONDS - started)) s"
  banner
  if [[ $mode == foreground ]]; then
    say "running in the foreground; Ctrl-C stops everything it started"
    while alive gateway; do sleep 2; done
    stop_all
  fi
}

main "$@"

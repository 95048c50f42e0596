#!/usr/bin/env bash
# Runs the whole Amur platform on this machine: PostgreSQL (the local server, or an embedded one),
# a real Kafka broker (KRaft, its own process), the three services and the gateway.
#
#   deploy/local/run.sh                  start, wait until healthy, stay in the foreground; Ctrl-C stops everything
#   deploy/local/run.sh --detach         start, wait until healthy, return
#   deploy/local/run.sh --replicas 2 ... two instances of each service (ports 8081/8181, 8082/8182, 8083/8183) in
#                                        one consumer group each; the gateway and itinerary-service balance over the
#                                        healthy ones
#   deploy/local/run.sh stop             stop a detached stack
#   deploy/local/run.sh status           show what runs
#   deploy/local/run.sh kill NAME [SIG]  send SIG (default KILL) to one component (flight-service, flight-service-2,
#                                        kafka, gateway, ...), as a crash or a node going away would
#   deploy/local/run.sh restart NAME     start a component that is not running again, as before, and wait until ready
#
# Logs: .local/logs/<component>.log (one JSON object per line for the services).
# Settings (environment): AMUR_PG_HOST/AMUR_PG_PORT (127.0.0.1:5432), AMUR_PG_ADMIN_USER/AMUR_PG_ADMIN_PASSWORD
# (postgres, empty), AMUR_REDIS_HOST/AMUR_REDIS_PORT (127.0.0.1:6379), AMUR_KAFKA_PORT (9092),
# AMUR_JAVA_OPTS (extra JVM options for the four applications), AMUR_BUILD=always to rebuild first.
#
# It builds what it needs from this checkout (./mvnw package, only when a jar is missing or older than its sources)
# and never reads or writes travel.amur artifacts in the local Maven repository. The applications run from copies
# of their jars in .local/app, so a build while the stack runs does not pull a jar from under a running JVM.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE="$ROOT/.local"
LOGS="$STATE/logs"
PIDS="$STATE/run"
APPS_DIR="$STATE/app"
# shellcheck source=lib.sh
source "$ROOT/deploy/local/lib.sh"

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

# Applications and their first instance's port, in start order. Instance i of a service listens on port + 100 (i-1).
SERVICES=(flight-service:8081 visa-service:8082 itinerary-service:8083)
GATEWAY_PORT=8080
REPLICAS_FILE="$PIDS/replicas"

say() { amur_say "$@"; }
fail() {
  printf '\033[31m[amur] %s\033[0m\n' "$*" >&2
  # A half-started stack is worse than none: stop what this run started.
  if [[ ${STARTING:-0} == 1 ]]; then STARTING=0; stop_all; fi
  exit 1
}

# fail_with_log WHAT LOG: fails showing the last lines of LOG.
fail_with_log() {
  printf '\033[31m[amur] %s. Last lines of %s:\033[0m\n' "$1" "$2" >&2
  tail -n 25 "$2" 2>/dev/null | sed 's/^/    /' >&2
  fail "$1: see $2"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pid_of() { [[ -f "$PIDS/$1.pid" ]] && cat "$PIDS/$1.pid" || true; }

# A pid file counts only while its process still runs the component we started (pids get reused).
alive() {
  local pid args; pid=$(pid_of "$1")
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # Read the arguments whole: grep -q in a pipe would stop the writer early and pipefail call that a failure.
  args=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  grep -qxF -- "-Damur.component=$1" <<<"$args"
}

java_cmd() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

replicas() { cat "$REPLICAS_FILE" 2>/dev/null || echo 1; }

# instances SERVICE BASE-PORT: one "name:port" line per instance (flight-service:8081, flight-service-2:8181, ...).
instances() {
  local service=$1 base=$2 i
  for i in $(seq 1 "$(replicas)"); do
    if (( i == 1 )); then echo "$service:$base"; else echo "$service-$i:$((base + 100 * (i - 1)))"; fi
  done
}

# Every application instance, "name:port", in start order: the services' instances, then the gateway.
all_apps() {
  local entry
  for entry in "${SERVICES[@]}"; do instances "${entry%%:*}" "${entry##*:}"; done
  echo "gateway:$GATEWAY_PORT"
}

# The service an instance belongs to: flight-service-2 -> flight-service.
service_of() {
  local name=$1
  [[ $name =~ ^(.*-service)(-[0-9]+)?$ ]] && echo "${BASH_REMATCH[1]}" || echo "$name"
}

port_of() {
  local entry
  for entry in $(all_apps); do [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return; }; done
  return 1
}

# --spring.cloud.discovery... arguments listing every instance of the given services, for the load balancers.
discovery_args() {
  local service entry base i=0
  for service in "$@"; do
    for entry in "${SERVICES[@]}"; do [[ ${entry%%:*} == "$service" ]] && base=${entry##*:}; done
    i=0
    for entry in $(instances "$service" "$base"); do
      echo "--spring.cloud.discovery.client.simple.instances.$service[$i].uri=http://127.0.0.1:${entry##*:}"
      i=$((i + 1))
    done
  done
}

deploy_classpath() {
  amur_deploy_classpath || fail "the deploy module's class path is missing"
}

build() {
  amur_build || fail "the build failed: fix it, or see $LOGS/build.log"
  rm -rf "$APPS_DIR" && mkdir -p "$APPS_DIR"
  local module
  for module in "${AMUR_APP_MODULES[@]}"; do
    cp "$ROOT/$module/target/$module-$AMUR_VERSION-exec.jar" "$APPS_DIR/$module.jar"
  done
}

# start NAME LOGFILE COMMAND...: runs it in the background in its own process group, records its pid.
start() {
  local name=$1 log=$2; shift 2
  setsid "$@" >>"$log" 2>&1 < /dev/null &
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
  local cp; cp=$(deploy_classpath)
  if port_open "$PG_HOST" "$PG_PORT"; then
    say "PostgreSQL: using the server at $PG_HOST:$PG_PORT"
    amur_step "PostgreSQL set-up (role amur, databases ${DATABASES[*]})" "$LOGS/postgres-setup.log" \
      "$(java_cmd)" -cp "$cp" travel.amur.deploy.local.PostgresSetup \
      "$PG_HOST" "$PG_PORT" "$PG_ADMIN_USER" "$PG_ADMIN_PASSWORD" "${DATABASES[@]}" \
      || fail "PostgreSQL at $PG_HOST:$PG_PORT is not ready for Amur (see above); set AMUR_PG_ADMIN_USER and AMUR_PG_ADMIN_PASSWORD to an administrator, or create role amur and the databases as the log says"
  else
    say "PostgreSQL: nothing at $PG_HOST:$PG_PORT, starting an embedded PostgreSQL there (data in .local/postgres)"
    [[ "$PG_HOST" == 127.0.0.1 || "$PG_HOST" == localhost ]] || fail "cannot start an embedded PostgreSQL on $PG_HOST"
    : >"$LOGS/postgres.log"
    start postgres "$LOGS/postgres.log" "$(java_cmd)" -Damur.component=postgres -Xmx128m -cp "$cp" \
      travel.amur.deploy.local.EmbeddedPostgresServer "$PG_PORT" "$STATE/postgres" "${DATABASES[@]}"
    wait_for postgres 60 "grep -q 'embedded PostgreSQL ready' '$LOGS/postgres.log' || ! alive postgres" || true
    grep -q 'embedded PostgreSQL ready' "$LOGS/postgres.log" \
      || fail_with_log "embedded PostgreSQL did not start" "$LOGS/postgres.log"
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
    # The tools log to stderr (kafka-log4j2.properties), so stdout holds only the id.
    cluster=$("$(java_cmd)" "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka-format.log" \
      | tail -n 1) || true
    [[ "$cluster" =~ ^[A-Za-z0-9_-]{22}$ ]] || fail_with_log "cannot make a Kafka cluster id" "$LOGS/kafka-format.log"
    amur_step "Kafka storage format" "$LOGS/kafka-format.log" \
      "$(java_cmd)" "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cluster" -c "$config" \
      || fail "cannot format Kafka storage in $data"
  fi
  say "Kafka: starting a KRaft broker on 127.0.0.1:$KAFKA_PORT"
  start kafka "$LOGS/kafka.log" "$(java_cmd)" -Damur.component=kafka -Xms256m -Xmx512m "$log4j" -cp "$cp" \
    kafka.Kafka "$config"
  wait_for kafka 120 "port_open 127.0.0.1 $KAFKA_PORT || ! alive kafka" || true
  port_open 127.0.0.1 "$KAFKA_PORT" || fail_with_log "Kafka did not start" "$LOGS/kafka.log"
}

redis_store() { port_open "$REDIS_HOST" "$REDIS_PORT" && echo redis || echo memory; }

# launch NAME PORT: starts one instance of an application in the background.
launch() {
  local name=$1 port=$2 module; module=$(service_of "$name")
  port_open 127.0.0.1 "$port" && fail "port $port (for $name) is taken by another program"
  local store; store=$(redis_store)
  local health=false; [[ $store == redis ]] && health=true
  local discovery=()
  case "$module" in
    gateway) mapfile -t discovery < <(discovery_args flight-service visa-service itinerary-service) ;;
    itinerary-service) mapfile -t discovery < <(discovery_args flight-service visa-service) ;;
  esac
  printf '\n==== %s: starting %s on port %s\n' "$(date -u +%FT%TZ)" "$name" "$port" >>"$LOGS/$name.log"
  # shellcheck disable=SC2086
  start "$name" "$LOGS/$name.log" env \
    SPRING_R2DBC_URL="r2dbc:postgresql://$PG_HOST:$PG_PORT/amur_${module%-service}" \
    SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    SPRING_DATA_REDIS_HOST="$REDIS_HOST" SPRING_DATA_REDIS_PORT="$REDIS_PORT" \
    AMUR_GATEWAY_RATE_LIMIT_STORE="$store" AMUR_GATEWAY_REDIS_HEALTH="$health" \
    SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" AMUR_KAFKA_INSTANCE_ID="$name" \
    "$(java_cmd)" -Damur.component="$name" -Xms128m -Xmx384m -XX:+UseSerialGC $FAST_START \
    ${AMUR_JAVA_OPTS:-} -jar "$APPS_DIR/$module.jar" --server.port="$port" "${discovery[@]}"
}

start_apps() {
  if [[ $(redis_store) == redis ]]; then
    say "Redis: using $REDIS_HOST:$REDIS_PORT for the gateway's shared rate limits"
  else
    say "Redis: nothing at $REDIS_HOST:$REDIS_PORT, the gateway keeps rate limits in memory (one replica only)"
  fi
  local entry
  for entry in $(all_apps); do launch "${entry%%:*}" "${entry##*:}"; done
}

ready() { curl -fsS -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

# wait_ready NAME PORT: until the instance answers ready, or fails naming its log.
wait_ready() {
  local name=$1 port=$2
  wait_for "$name" 120 "ready $port || ! alive $name" || true
  if ! alive "$name"; then fail_with_log "$name stopped during start-up" "$LOGS/$name.log"; fi
  ready "$port" || fail_with_log "$name is not healthy after 120 s" "$LOGS/$name.log"
  say "$name: healthy on http://127.0.0.1:$port"
}

wait_for_apps() {
  local entry
  for entry in $(all_apps); do wait_ready "${entry%%:*}" "${entry##*:}"; done
}

# Every component with a pid file, the gateway first, the broker and an embedded PostgreSQL last.
components_to_stop() {
  local entry names=()
  for entry in $(all_apps); do names=("${entry%%:*}" "${names[@]}"); done
  printf '%s\n' "${names[@]}" kafka postgres
}

stop_one() {
  local name=$1 signal=${2:-TERM}
  local pid; pid=$(pid_of "$name")
  kill "-$signal" -- "-$pid" 2>/dev/null || kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
}

stop_all() {
  local stopped=0 name
  for name in $(components_to_stop); do
    if alive "$name"; then
      stop_one "$name" TERM
      say "stopped $name"
      stopped=1
    fi
    rm -f "$PIDS/$name.pid"
  done
  rm -f "$REPLICAS_FILE"
  [[ $stopped == 1 ]] || say "nothing was running"
}

status() {
  local any=0 name port
  for name in postgres kafka $(all_apps | cut -d: -f1); do
    if alive "$name"; then
      any=1
      local health=""
      if port=$(port_of "$name"); then
        ready "$port" && health=" healthy on :$port" || health=" not ready"
      fi
      printf '  %-20s running (pid %s)%s\n' "$name" "$(pid_of "$name")" "$health"
    else
      printf '  %-20s -\n' "$name"
    fi
  done
  [[ $any == 1 ]] || say "Amur is not running (start it with deploy/local/run.sh)"
  printf 'logs: %s\n' "$LOGS"
}

# kill_one NAME [SIGNAL]: a crash (KILL, the default) or an orderly stop (TERM) of one component.
kill_one() {
  local name=$1 signal=${2:-KILL}
  alive "$name" || fail "$name is not running"
  local pid; pid=$(pid_of "$name")
  if [[ $signal == KILL ]]; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  else
    stop_one "$name" "$signal"
  fi
  say "$name: sent SIG$signal"
}

restart_one() {
  local name=$1 port
  if alive "$name"; then say "$name: already running"; return; fi
  case "$name" in
    kafka) start_kafka ;;
    postgres) fail "restart PostgreSQL with pg_ctlcluster (or run.sh start for the embedded one)" ;;
    *)
      port=$(port_of "$name") || fail "no component '$name' (see deploy/local/run.sh status)"
      launch "$name" "$port"
      wait_ready "$name" "$port"
      ;;
  esac
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
  local mode=foreground replicas=1
  while [[ $# -gt 0 ]]; do
    case "$1" in
      stop) stop_all; return ;;
      status) status; return ;;
      kill) [[ $# -ge 2 ]] || fail "usage: run.sh kill NAME [KILL|TERM]"; kill_one "$2" "${3:-KILL}"; return ;;
      restart) [[ $# -ge 2 ]] || fail "usage: run.sh restart NAME"; restart_one "$2"; return ;;
      --detach) mode=detach ;;
      --replicas)
        [[ ${2:-} =~ ^[1-9]$ ]] || fail "--replicas takes a number from 1 to 9"
        replicas=$2; shift ;;
      -h|--help) sed -n '2,22p' "$0"; return ;;
      *) fail "unknown argument '$1' (use --detach, --replicas N, stop, status, kill or restart)" ;;
    esac
    shift
  done
  if alive gateway; then
    say "Amur is already running (gateway pid $(pid_of gateway)); 'deploy/local/run.sh status' shows it, 'stop' stops it"
    return 0
  fi
  local started=$SECONDS
  build
  echo "$replicas" >"$REPLICAS_FILE"
  # A fresh start, fresh logs; a restart (run.sh restart) appends to them.
  local name
  for name in $(components_to_stop); do : >"$LOGS/$name.log"; done
  STARTING=1
  if [[ $mode == foreground ]]; then trap 'echo; stop_all; exit 130' INT TERM; fi
  start_postgres
  start_kafka
  start_apps
  wait_for_apps
  STARTING=0
  say "all healthy in $((SECONDS - started)) s$( (( replicas > 1 )) && echo " ($replicas instances of each service)")"
  banner
  if [[ $mode == foreground ]]; then
    say "running in the foreground; Ctrl-C stops everything it started"
    while alive gateway; do sleep 2; done
    stop_all
  fi
}

main "$@"
